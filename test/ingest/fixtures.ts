import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import yazl from 'yazl';
import type { CsvItem } from '../../src/ingest/csv/csv-item';
import { readCsv, type CsvReadOptions } from '../../src/ingest/csv/read-csv';

/** A temp folder for one test file, removed by `remove()`. */
export function tempDir(prefix: string): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `learngraph-${prefix}-`));
  return { dir, file: (name) => path.join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface ZipEntrySpec {
  readonly name: string;
  readonly data: Buffer | string;
  readonly compress?: boolean;
}

/**
 * Writes a zip made at run time with yazl. `rename` swaps entry names byte for byte after
 * the zip is built (same length): how the tests make names yazl itself refuses to write
 * (`../evil.csv`), as a malicious archiver would.
 */
export async function writeZip(file: string, entries: readonly ZipEntrySpec[], rename: readonly [string, string][] = []): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data), e.name, { compress: e.compress ?? true });
  zip.end();
  const parts: Buffer[] = [];
  zip.outputStream.on('data', (chunk: Buffer) => parts.push(chunk));
  await once(zip.outputStream, 'end');
  let bytes: Buffer = Buffer.concat(parts);
  for (const [from, to] of rename) bytes = replaceAll(bytes, Buffer.from(from), Buffer.from(to));
  writeFileSync(file, bytes);
}

export function replaceAll(haystack: Buffer, from: Buffer, to: Buffer): Buffer {
  if (from.length !== to.length) throw new Error('replacement must keep the length');
  const out = Buffer.from(haystack);
  for (let i = out.indexOf(from); i !== -1; i = out.indexOf(from, i + from.length)) to.copy(out, i);
  return out;
}

/** Reads a whole CSV given as text or bytes, in chunks of `chunkSize` bytes (all at once by default). */
export async function parseAll(
  input: string | Buffer,
  options: Partial<CsvReadOptions> = {},
  chunkSize = 0,
): Promise<{ header: readonly string[]; items: CsvItem[] }> {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input);
  const chunks: Buffer[] = [];
  if (chunkSize <= 0) chunks.push(bytes);
  else for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
  const reader = await readCsv(Readable.from(chunks), { file: 'test.csv', ...options });
  const items: CsvItem[] = [];
  for await (const item of reader) items.push(item);
  return { header: reader.header, items };
}

/** `[line, ...values]` for records and `[line, code]` for problems: compact to assert on. */
export function summary(items: readonly CsvItem[]): (string | number | null)[][] {
  return items.map((i) => (i.kind === 'record' ? [i.line, ...i.values] : [i.line, i.diagnostic.code]));
}
