import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const FIRST = ['Ada', 'Grace', 'Alan', 'Zoë', 'José', 'Nnamdi', 'Mei', 'Ola'];
const LAST = ['Lovelace', 'Hopper', "O'Neil", 'Smith, Jr.', 'Müller', 'Okafor', 'Nguyễn', 'Østby'];

/**
 * Writes a OneRoster-users-like CSV: 8 columns, every field quoted, some values with commas,
 * doubled quotes and non-ASCII letters, CRLF endings, a UTF-8 BOM. Returns the bytes written.
 */
export async function writeQuotedCsv(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  const write = async (text: string): Promise<void> => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('\ufeff"sourcedId","status","dateLastModified","username","givenName","familyName","email","note"\r\n');
  let batch = '';
  for (let i = 1; i <= rows; i++) {
    const given = FIRST[i % FIRST.length] as string;
    const family = LAST[i % LAST.length] as string;
    const note = i % 10 === 0 ? 'said ""hello"", left' : 'none';
    batch += `"u-${i}","active","2024-09-01T08:00:00.000Z","user${i}","${given}","${family.replace(/"/g, '""')}","user${i}@example.org","${note}"\r\n`;
    if (i % 1_000 === 0) {
      await write(batch);
      batch = '';
    }
  }
  await write(batch);
  out.end();
  await once(out, 'close');
  return bytes;
}
