import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import type { CsvItem } from '../../src/ingest/csv/csv-item';
import { readCsv } from '../../src/ingest/csv/read-csv';
import { FileError } from '../../src/ingest/file-error';
import { parseAll, summary } from './fixtures';

/** Asserts that parsing fails with a FileError of `code` at `line`, and returns it. */
async function fileError(input: string | Buffer, code: string, line: number, options = {}): Promise<FileError> {
  try {
    await parseAll(input, options);
  } catch (error) {
    assert.ok(error instanceof FileError, `expected a FileError, got ${String(error)}`);
    assert.equal(error.rule, code);
    assert.equal(error.diagnostic.line, line);
    assert.equal(error.code, 'INVALID_FILE');
    assert.match(error.message, new RegExp(`^test\\.csv, line ${line}: .*\\[${code.replace(/\./g, '\\.')}\\]$`));
    return error;
  }
  assert.fail(`expected ${code} at line ${line}`);
}

describe('readCsv', () => {
  it('strips a UTF-8 BOM, also before a quoted header', async () => {
    const { header, items } = await parseAll('\ufeff"sourcedId","name"\r\n"u1","Zoë"\r\n');
    assert.deepEqual(header, ['sourcedId', 'name']);
    assert.deepEqual(summary(items), [[2, 'u1', 'Zoë']]);
  });

  it('reads CRLF, LF and mixed line endings without stray carriage returns', async () => {
    const { items } = await parseAll('a,b\r\n1,x\n2,y\r\n3,z');
    assert.deepEqual(summary(items), [
      [2, '1', 'x'],
      [3, '2', 'y'],
      [4, '3', 'z'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields, with true line numbers', async () => {
    const csv = 'id,note\r\n1,"Smith, Jr."\r\n2,"said ""hi"""\r\n3,"two\r\nlines"\r\n4,"after"\r\n\r\n5,""\r\n';
    const { items } = await parseAll(csv);
    assert.deepEqual(summary(items), [
      [2, '1', 'Smith, Jr.'],
      [3, '2', 'said "hi"'],
      [4, '3', 'two\r\nlines'],
      [6, '4', 'after'],
      [8, '5', ''],
    ]);
  });

  it('gives the same items whatever the chunk boundaries', async () => {
    const csv = '\ufeffid,note\r\n1,"a, ""b"""\r\n2,"x\r\ny"\r\n3,ab"c\r\n4,"😀 é"\r\n5,z\r\n';
    const whole = summary((await parseAll(csv)).items);
    for (const size of [1, 2, 3, 7]) assert.deepEqual(summary((await parseAll(csv, {}, size)).items), whole, `chunks of ${size}`);
  });

  it('hands out the same items in batches, in order, one batch per chunk read', async () => {
    const text = 'id,name\r\n1,"a, b"\n\n2,x,y\n3,O"Neil\n' + Array.from({ length: 500 }, (_, i) => `${i + 4},row ${i}`).join('\n');
    for (const size of [text.length, 64, 5]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(Buffer.from(text.slice(i, i + size)));
      const reader = await readCsv(Readable.from(chunks), { file: 'test.csv' });
      const batches: CsvItem[][] = [];
      for await (const batch of reader.batches()) batches.push([...batch]);
      assert.ok(batches.every((b) => b.length > 0), 'no empty batch');
      // One per chunk at most, and one more for what the end of input settles (a last row without a line break).
      assert.ok(batches.length <= chunks.length + 1, `${batches.length} batches from ${chunks.length} chunks`);
      if (size === 5) assert.ok(batches.length > 100, 'small chunks give many batches');
      assert.deepEqual(batches.flat(), (await parseAll(text, {}, size)).items);
    }
  });

  it('reports short and long rows with their lines and goes on', async () => {
    const { items } = await parseAll('a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    assert.deepEqual(summary(items), [
      [2, '1', '2', '3'],
      [3, 'csv.row.too_short'],
      [4, 'csv.row.too_long'],
      [5, '10', '11', '12'],
    ]);
    const short = items[1];
    assert.ok(short?.kind === 'problem');
    assert.equal(short.diagnostic.column, 'c');
    assert.deepEqual(short.values, ['4', '5']);
    assert.doesNotMatch(short.diagnostic.message, /\b4\b|\b5\b/, 'messages never carry row values');
  });

  it('rejects a row with a stray quote confined to its line, and goes on', async () => {
    const { items } = await parseAll('id,name\n1,ok\n2,"bad "quote" here"\n3,O"Neil\n\n4,fine\n');
    assert.deepEqual(summary(items), [
      [2, '1', 'ok'],
      [3, 'csv.quote.invalid'],
      [4, 'csv.quote.invalid'],
      [6, '4', 'fine'],
    ]);
    const problem = items[1];
    assert.ok(problem?.kind === 'problem');
    assert.equal(problem.diagnostic.column, 'name');
    assert.doesNotMatch(problem.diagnostic.message, /bad|quote" here/);
  });

  it('fails the file at the line where an unclosed quote swallows the rest', async () => {
    await fileError('id,name\n1,ok\n2,"never closed\n3,x\n4,y\n', 'csv.quote.unclosed', 3);
    await fileError('id,name\r\n1,ok\r\n2,ok\r\n3,"never closed', 'csv.quote.unclosed', 4);
  });

  it('fails the file when an unclosed quote swallows rows up to a later quote', async () => {
    await fileError('id,name\n1,ok\n2,"open\n3,x\n4,"y"\n5,z\n', 'csv.quote.unclosed', 3);
  });

  it('fails the file when a quoted field spans lines and the format forbids it', async () => {
    const error = await fileError('id,name\n1,ok\n2,"open\n3,x"\n4,y\n', 'csv.quote.unclosed', 3, { multiline: false });
    assert.match(error.message, /runs on to line 4/);
  });

  it('stops a stray quote from buffering the file with a record size limit', async () => {
    await fileError(`id,name\n1,"${'x'.repeat(5000)}"\n2,y\n`, 'csv.record.too_large', 2, { maxRecordChars: 1000 });
  });

  it('detects invalid UTF-8 with its line, even split across chunks', async () => {
    const latin1 = Buffer.concat([Buffer.from('id,name\n1,ok\n2,caf'), Buffer.from([0xe9]), Buffer.from('\n3,x\n')]);
    await fileError(latin1, 'csv.encoding.invalid_utf8', 3);
    const truncated = Buffer.concat([Buffer.from('id,name\n1,ok\n2,'), Buffer.from('é').subarray(0, 1)]);
    await fileError(truncated, 'csv.encoding.invalid_utf8', 3);
    // A valid two-byte character cut by a chunk boundary is fine.
    const { items } = await parseAll(Buffer.from('id,name\n1,é\n'), {}, 11);
    assert.deepEqual(summary(items), [[2, '1', 'é']]);
  });

  it('refuses UTF-16 with a message that says what to do', async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,name\r\n1,x\r\n', 'utf16le')]);
    const error = await fileError(le, 'csv.encoding.utf16', 1);
    assert.match(error.message, /UTF-16 is not supported, save it as UTF-8/);
    const be = Buffer.from([0xfe, 0xff, 0x00, 0x69, 0x00, 0x64]);
    await fileError(be, 'csv.encoding.utf16', 1);
    await fileError(Buffer.from('id,name\r\n', 'utf16le'), 'csv.encoding.nul', 1);
  });

  it('fails an empty file for its missing header and accepts a header-only file', async () => {
    await fileError('', 'csv.header.missing', 1);
    await fileError('\n\n', 'csv.header.missing', 1);
    const { header, items } = await parseAll('a,b\r\n');
    assert.deepEqual(header, ['a', 'b']);
    assert.equal(items.length, 0);
  });

  it('never loses a line: every non-blank line is a record, inside a multi-line record, a problem, or the file fails', async () => {
    // Seeded random files built from well-formed and broken fields, read in random chunks.
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const fields = ['a', 'x y', '"q"', '"a,b"', '"', 'z"z', '"p""q"', '', ' ', '"open', 'close"', '""', '"two\nlines"'];
    const outcomes = { read: 0, failed: 0 };
    for (let n = 0; n < 3_000; n++) {
      const multiline = random() < 0.5;
      const newline = random() < 0.5 ? '\n' : '\r\n';
      const lines = ['h1,h2,h3'];
      for (let i = 1 + Math.floor(random() * 8); i > 0; i--) {
        lines.push(random() < 0.1 ? '' : Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(fields).replace('\n', newline)).join(','));
      }
      const text = lines.join(newline) + (random() < 0.5 ? newline : '');
      let items;
      try {
        items = (await parseAll(text, { multiline }, 1 + Math.floor(random() * 6))).items;
      } catch (error) {
        assert.ok(error instanceof FileError, String(error));
        outcomes.failed++;
        continue;
      }
      outcomes.read++;
      const covered: number[] = [];
      for (const item of items) {
        const breaks = item.values ? item.values.join('').split(/\r\n|\n|\r/).length - 1 : 0;
        for (let line = item.line; line <= item.line + breaks; line++) covered.push(line);
      }
      const expected = text.split(/\r\n|\n/).flatMap((line, i) => (i > 0 && line !== '' ? [i + 1] : []));
      assert.equal(new Set(covered).size, covered.length, `no line twice in ${JSON.stringify(text)}`);
      for (const line of expected) assert.ok(covered.includes(line), `line ${line} of ${JSON.stringify(text)} is accounted for`);
    }
    assert.ok(outcomes.read > 500 && outcomes.failed > 500, JSON.stringify(outcomes));
  });
});
