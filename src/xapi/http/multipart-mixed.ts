import { randomBytes } from 'node:crypto';
import { XapiError } from '../statements/xapi-error';

/**
 * multipart/mixed bodies as xAPI uses them for attachments (Comm. §1.5.2, RFC 2046 §5.1).
 * busboy only speaks multipart/form-data, so this is a small parser over the whole buffered
 * body: parts are cut at "--boundary" delimiters that start a line and their headers read up
 * to the first empty line. Line breaks may be CRLF (the RFC), LF or CR (both seen in the
 * wild). Part bodies stay raw bytes so hashes are taken over exactly what was sent.
 */
export interface MimePart {
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export function boundaryOf(contentType: string): string {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  if (!boundary) throw new XapiError(400, 'multipart/mixed needs a boundary parameter');
  return boundary;
}

function parseHeaders(block: string, index: number): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new XapiError(400, `multipart part ${index + 1}: malformed header line "${line.slice(0, 80)}"`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

const isBreak = (byte: number | undefined): boolean => byte === 0x0a || byte === 0x0d;

/** Where a part's header block ends and its body starts (the first empty line). */
function splitHead(part: Buffer): { headerEnd: number; bodyStart: number } {
  if (part[0] === 0x0d && part[1] === 0x0a) return { headerEnd: 0, bodyStart: 2 };
  if (isBreak(part[0])) return { headerEnd: 0, bodyStart: 1 };
  const found = ['\r\n\r\n', '\n\n', '\r\r']
    .map((sep) => ({ at: part.indexOf(sep), length: sep.length }))
    .filter((f) => f.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  return found ? { headerEnd: found.at, bodyStart: found.at + found.length } : { headerEnd: -1, bodyStart: -1 };
}

/** The next delimiter at or after `from` that starts a line. */
function nextDelimiter(body: Buffer, delimiter: Buffer, from: number): number {
  let at = body.indexOf(delimiter, from);
  while (at > 0 && !isBreak(body[at - 1])) at = body.indexOf(delimiter, at + 1);
  return at;
}

export function parseMultipartMixed(body: Buffer, boundary: string): MimePart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  // The first delimiter opens the body or a line; anything before it is preamble.
  let start = body.subarray(0, delimiter.length).equals(delimiter) ? 0 : nextDelimiter(body, delimiter, 0);
  if (start < 0) throw new XapiError(400, 'the multipart body holds no part delimited by its boundary');
  const parts: MimePart[] = [];
  for (;;) {
    let cursor = start + delimiter.length;
    if (body[cursor] === 0x2d && body[cursor + 1] === 0x2d) return parts; // closing "--boundary--"
    // Skip transport padding and the line break after the delimiter.
    while (body[cursor] === 0x20 || body[cursor] === 0x09) cursor += 1;
    if (body[cursor] === 0x0d && body[cursor + 1] === 0x0a) cursor += 2;
    else if (isBreak(body[cursor])) cursor += 1;
    else throw new XapiError(400, `multipart part ${parts.length + 1}: the boundary line is not followed by a line break`);
    const next = nextDelimiter(body, delimiter, cursor);
    if (next < 0) throw new XapiError(400, 'the multipart body does not end with the closing boundary');
    // The line break before a delimiter belongs to the delimiter, not to the part.
    const end = body[next - 1] === 0x0a && body[next - 2] === 0x0d ? next - 2 : next - 1;
    const part = body.subarray(cursor, Math.max(cursor, end));
    const { headerEnd, bodyStart } = splitHead(part);
    if (headerEnd < 0) throw new XapiError(400, `multipart part ${parts.length + 1}: no empty line ends its headers`);
    parts.push({ headers: parseHeaders(part.subarray(0, headerEnd).toString('utf8'), parts.length), body: part.subarray(bodyStart) });
    start = next;
  }
}

/** Writes parts as one multipart/mixed body; returns it with its Content-Type. */
export function writeMultipartMixed(parts: readonly MimePart[]): { contentType: string; body: Buffer } {
  const boundary = `xapi-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = Object.entries(part.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`), part.body, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
