import { FileError } from '../../ingest/file-error';

/** `<!ENTITY name …>` and `<!ENTITY % name …>`, in any case and spacing. */
const ENTITY_DECLARATION = /<!\s*ENTITY\b/i;

/**
 * Refuses a DOCTYPE whose internal subset declares entities. Entity declarations are how XML
 * external entity (XXE) attacks read server files and how "billion laughs" files expand a few
 * bytes into gigabytes; IMS Enterprise never needs them. saxes neither fetches external DTDs
 * nor expands declared entities, so this is a second wall that also gives the integrator a
 * clear reason instead of a list of undefined-entity warnings. A DOCTYPE that only names the
 * IMS DTD (`<!DOCTYPE enterprise SYSTEM "ims_epv1p1.dtd">`) is fine; it is never fetched.
 *
 * `endLine` is the parser's line after the DOCTYPE; the message names the line it starts on.
 */
export function guardDoctype(doctype: string, endLine: number, file: string): void {
  const match = ENTITY_DECLARATION.exec(doctype);
  if (!match) return;
  const startLine = endLine - countNewlines(doctype);
  const declarationLine = startLine + countNewlines(doctype.slice(0, match.index));
  throw new FileError(
    'ims.xml.entity_declaration',
    'the DOCTYPE declares entities (<!ENTITY ...>); files with entity declarations are refused because they are used for XXE and entity-expansion ("billion laughs") attacks, and IMS Enterprise files never need them. Nothing was applied',
    { file, line: declarationLine },
  );
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}
