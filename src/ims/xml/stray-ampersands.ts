/** Things that change how `&` is read: CDATA and comments hold it literally. */
const TOKENS = /&|<!\[CDATA\[|\]\]>|<!--|-->/g;
/** A well-formed reference: `&#233;`, `&#xE9;`, `&amp;`, `&nbsp;` (known or not, the parser decides). */
const REFERENCE = /&(?:#\d+;|#x[0-9A-Fa-f]+;|[A-Za-z_:][\w.:-]*;)/y;
/** Characters held back at the end of a chunk, so a reference or token split by the chunk boundary is seen whole. */
const LOOKAHEAD = 40;

/**
 * Escapes every `&` that starts no reference (`AT&T`, `Smith & Jones`, `R&D;`) before the XML
 * parser sees it, for tolerant mode. Left alone, saxes reads such an `&` as the start of an
 * entity name and swallows the text after it, tags included, up to the next `;`: a raw `&`
 * in one course title would corrupt the records after it. Moodle's regexes never decode
 * entities, so for it `&` was always just a character; it stays one here, and each escape is
 * reported. CDATA sections and comments are passed through untouched.
 */
export class StrayAmpersands {
  private tail = '';
  private inCdata = false;
  private inComment = false;

  /** `onStray(offset, text)`: a stray `&` at `offset` of `text`, the text about to be parsed. */
  constructor(private readonly onStray: (offset: number, text: string) => void) {}

  push(text: string): string {
    return this.scan(this.tail + text, false);
  }

  end(): string {
    return this.scan(this.tail, true);
  }

  private scan(input: string, final: boolean): string {
    const limit = final ? input.length : Math.max(0, input.length - LOOKAHEAD);
    const parts: string[] = [];
    let from = 0;
    TOKENS.lastIndex = 0;
    for (let match = TOKENS.exec(input); match && match.index < limit; match = TOKENS.exec(input)) {
      const token = match[0];
      if (this.inCdata) {
        if (token === ']]>') this.inCdata = false;
        continue;
      }
      if (this.inComment) {
        if (token === '-->') this.inComment = false;
        continue;
      }
      if (token === '<![CDATA[') this.inCdata = true;
      else if (token === '<!--') this.inComment = true;
      else if (token === '&') {
        REFERENCE.lastIndex = match.index;
        if (REFERENCE.test(input)) continue;
        parts.push(input.slice(from, match.index), '&amp;');
        from = match.index + 1;
        this.onStray(match.index, input);
      }
    }
    parts.push(input.slice(from, limit));
    this.tail = input.slice(limit);
    return parts.join('');
  }
}
