import { isUtf8 } from 'node:buffer';
import { FileError } from '../file-error';

const NL = 0x0a;

/**
 * Checks, chunk by chunk, that a byte stream is UTF-8, and knows the physical line of the
 * first bad byte. Node's decoder would replace bad bytes with U+FFFD and import mangled names
 * without a word; a file saved as Windows-1252 must instead fail and say where and why.
 * Sequences split across chunks are carried over, so chunk boundaries never cause errors.
 */
export class Utf8Guard {
  private carry: Buffer | null = null;
  private newlinesBefore = 0;
  private bytesBefore = 0;
  private sniffed = false;

  constructor(private readonly file: string) {}

  check(chunk: Buffer): void {
    if (!this.sniffed) {
      this.sniffed = true;
      sniffEncoding(chunk, this.file);
    }
    let body = chunk;
    let bodyStart = 0;
    if (this.carry) {
      const need = sequenceLength(this.carry[0] as number) - this.carry.length;
      const joined = Buffer.concat([this.carry, chunk.subarray(0, need)]);
      if (joined.length < need + this.carry.length) {
        this.carry = joined; // a chunk of one or two bytes: still incomplete
        this.advance(chunk);
        return;
      }
      if (!isUtf8(joined)) this.fail(chunk, 0);
      this.carry = null;
      body = chunk.subarray(need);
      bodyStart = need;
    }
    const tail = incompleteTail(body);
    const whole = tail === 0 ? body : body.subarray(0, body.length - tail);
    if (!isUtf8(whole)) this.fail(chunk, bodyStart + firstInvalidByte(whole));
    if (tail !== 0) this.carry = Buffer.from(body.subarray(body.length - tail));
    this.advance(chunk);
  }

  /** Call at the end of input: a multi-byte character cut off by the end is an error too. */
  end(): void {
    if (this.carry) {
      throw new FileError('csv.encoding.invalid_utf8', `the file ends in the middle of a UTF-8 character (byte ${this.bytesBefore}); save the file as UTF-8`, {
        file: this.file,
        line: this.newlinesBefore + 1,
      });
    }
  }

  private advance(chunk: Buffer): void {
    this.newlinesBefore += countNewlines(chunk, chunk.length);
    this.bytesBefore += chunk.length;
  }

  private fail(chunk: Buffer, position: number): never {
    throw new FileError(
      'csv.encoding.invalid_utf8',
      `the file is not valid UTF-8 (byte ${this.bytesBefore + position}); save it as UTF-8 (it looks like Windows-1252 or Latin-1)`,
      { file: this.file, line: this.newlinesBefore + countNewlines(chunk, position) + 1 },
    );
  }
}

/** UTF-16 (and UTF-32) exports from Excel and some SIS tools: refuse them with a clear fix. */
function sniffEncoding(head: Buffer, file: string): void {
  const b0 = head[0];
  const b1 = head[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    throw new FileError('csv.encoding.utf16', 'the file is UTF-16 (it starts with a UTF-16 byte order mark); UTF-16 is not supported, save it as UTF-8', {
      file,
      line: 1,
    });
  }
  // UTF-16 without a BOM has a zero byte beside every ASCII character; text never has NULs.
  if (head.subarray(0, 4).includes(0)) {
    throw new FileError('csv.encoding.nul', 'the file starts with NUL bytes: it is UTF-16 without a byte order mark, or not text; save it as UTF-8 CSV', {
      file,
      line: 1,
    });
  }
}

function sequenceLength(lead: number): number {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  return 2;
}

/** Bytes at the end that start a multi-byte character the next chunk must finish; else 0. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= 3 && back <= buf.length; back++) {
    const byte = buf[buf.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    if (byte >= 0xc2 && byte <= 0xf4) return sequenceLength(byte) > back ? back : 0;
    return 0; // ASCII or an invalid byte: nothing to carry, let validation judge it
  }
  return 0;
}

/**
 * Offset of the first byte that breaks UTF-8 in `buf` (known to be invalid). Only runs on the
 * error path: decode with replacement, find the first U+FFFD that was not in the input.
 */
function firstInvalidByte(buf: Buffer): number {
  const text = buf.toString('utf8');
  for (let i = text.indexOf('\ufffd'); i !== -1; i = text.indexOf('\ufffd', i + 1)) {
    const offset = Buffer.byteLength(text.slice(0, i));
    const literal = buf[offset] === 0xef && buf[offset + 1] === 0xbf && buf[offset + 2] === 0xbd;
    if (!literal) return offset;
  }
  return 0;
}

function countNewlines(buf: Buffer, end: number): number {
  let count = 0;
  for (let i = buf.indexOf(NL); i !== -1 && i < end; i = buf.indexOf(NL, i + 1)) count++;
  return count;
}
