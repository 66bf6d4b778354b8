/**
 * What a tolerant import does with each well-formedness error the XML parser recovers from.
 * These are the faults Moodle's line-and-regex reader never notices (it has no XML parser):
 * a stray newline before `<?xml`, junk after `</enterprise>`, a raw `&` in a course title,
 * an undeclared `&nbsp;`, mismatched or unclosed tags. Each becomes a warning with its place;
 * the parser's own recovery decides what is read (`&nbsp;` stays as written, for instance).
 */
export interface RecoveredError {
  readonly code: string;
  /** What happened and what the import did about it; never quotes the file's content. */
  readonly message: string;
}

/** saxes messages (without their `line:column: ` prefix), matched by their start. */
const RULES: readonly (readonly [RegExp, RecoveredError])[] = [
  [
    /^an XML declaration must be at the start/,
    { code: 'ims.xml.declaration_not_first', message: 'something (often a blank line) comes before the <?xml ...?> declaration; it was ignored' },
  ],
  [
    /^(documents may contain only one root|text data outside of root node)/,
    { code: 'ims.xml.after_root', message: 'content follows the end of the root element; complete records in it are read, anything else is ignored' },
  ],
  [
    /^(disallowed character in entity name|undefined entity|malformed character entity|invalid character entity|character entity)/,
    { code: 'ims.xml.entity', message: 'an "&" that starts no known entity (write &amp;); it was kept as written' },
  ],
  [
    /^(unexpected close tag|unmatched closing tag|unclosed tag)/,
    { code: 'ims.xml.tag_mismatch', message: 'a closing tag does not match the open element; the parser closed elements to recover' },
  ],
  [
    /^(unquoted attribute value|duplicate attribute|attribute without value|no whitespace between attributes|unexpected end of attribute|attribute value)/i,
    { code: 'ims.xml.attribute', message: 'a malformed attribute; the parser read it as best it could' },
  ],
];

const OTHER: RecoveredError = { code: 'ims.xml.recovered', message: 'malformed XML; the parser skipped the offending characters' };

export function classifyRecoverable(parserMessage: string): RecoveredError {
  for (const [pattern, rule] of RULES) if (pattern.test(parserMessage)) return rule;
  return { ...OTHER, message: `${OTHER.message} (${parserMessage.replace(/\.$/, '')})` };
}

/** `2:6: an XML declaration must …` → the message and its position. */
export function splitPosition(message: string): { line: number | null; column: number | null; text: string } {
  const match = /^(?:[^:]*:)?(\d+):(\d+): (.*)$/s.exec(message);
  if (!match) return { line: null, column: null, text: message };
  return { line: Number(match[1]), column: Number(match[2]), text: match[3] as string };
}
