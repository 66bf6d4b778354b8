/**
 * A composable SQL fragment: text with `$n` placeholders numbered at render time, so fragments
 * built in different places (filters, cursors, batch keys) nest without clashing. Values are
 * always bound, never spliced; only `raw` text (identifiers from our own specs) is spliced.
 */
export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** Render for `pg`/TypeORM: `{ text, values }` with `$1..$n`. */
  render(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.renderInto(values);
    return { text, values };
  }

  private renderInto(values: unknown[]): string {
    let text = this.strings[0] ?? '';
    this.values.forEach((value, i) => {
      if (value instanceof Sql) text += value.renderInto(values);
      else {
        values.push(value);
        text += `$${values.length}`;
      }
      text += this.strings[i + 1] ?? '';
    });
    return text;
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  return new Sql(strings, values);
}

/** Trusted text (identifiers and keywords from code, never from input). */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

export const empty = raw('');

export function join(parts: readonly Sql[], separator = ', '): Sql {
  if (parts.length === 0) return empty;
  const strings = [''];
  for (let i = 1; i < parts.length; i++) strings.push(separator);
  strings.push('');
  return new Sql(strings, parts);
}

/** `a and b and c`, or `true` when there is nothing to require. */
export function and(parts: readonly Sql[]): Sql {
  return parts.length === 0 ? raw('true') : join(parts.map((p) => sql`(${p})`), ' and ');
}
