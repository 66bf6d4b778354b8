/**
 * One element of a record (`<person>`, `<group>`, a `<member>`), as a small tree. Only the
 * record being read is held in memory: the reader drops each tree once it has been turned
 * into a record, so a 1 GB file is read with a few kilobytes of trees at a time.
 */
export interface ElementNode {
  /** Local name (namespace prefix removed; lower-cased in tolerant mode). */
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Text and CDATA directly inside the element, entities decoded, untrimmed. */
  text: string;
  readonly children: ElementNode[];
  /** Physical 1-based line of the start tag. */
  readonly line: number;
  /** `/enterprise/person[3]/name[1]`: where the element is, for people reading issues. */
  readonly path: string;
}

/** The first child called `name`, if any. */
export function child(node: ElementNode | undefined, name: string): ElementNode | undefined {
  if (!node) return undefined;
  for (const c of node.children) if (c.name === name) return c;
  return undefined;
}

/** Every child called `name`, in document order. */
export function childrenNamed(node: ElementNode | undefined, name: string): ElementNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** The first element at `names` below `node` (`at(person, 'name', 'n', 'given')`). */
export function at(node: ElementNode | undefined, ...names: readonly string[]): ElementNode | undefined {
  let current = node;
  for (const name of names) current = child(current, name);
  return current;
}

/**
 * The trimmed text at `names`: `undefined` when the element is absent, '' when it is present
 * but empty (`<userid/>`). Updates tell the two apart: absent keeps a field, empty clears it.
 */
export function textAt(node: ElementNode | undefined, ...names: readonly string[]): string | undefined {
  const found = at(node, ...names);
  return found ? found.text.trim() : undefined;
}

/** An attribute, trimmed; attribute names are matched case-insensitively (sloppy exports vary). */
export function attribute(node: ElementNode | undefined, name: string): string | undefined {
  if (!node) return undefined;
  const direct = node.attributes[name];
  if (direct !== undefined) return direct.trim();
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(node.attributes)) if (key.toLowerCase() === lower) return value.trim();
  return undefined;
}
