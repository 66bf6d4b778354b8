import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { parse as csvParse } from 'csv-parse';
import { parse as fastCsvParse } from 'fast-csv';
import { readCsv } from '../src/ingest/csv/read-csv';

/** Each parser consumes the file as a stream and counts data rows; nothing is kept. */
export const parserRuns = [
  { name: 'fast-csv', label: 'fast-csv 5 (arrays, no line numbers)' },
  { name: 'csv-parse', label: 'csv-parse 7 (arrays, no line numbers)' },
  { name: 'csv-parse-info', label: 'csv-parse 7 (info: true, line numbers)' },
  { name: 'read-csv', label: 'readCsv (csv-parse + lines + UTF-8 check)' },
] as const;

export async function runParser(name: string, file: string): Promise<{ rows: number; seconds: number }> {
  const started = process.hrtime.bigint();
  let rows = 0;
  switch (name) {
    case 'fast-csv': {
      const parser = createReadStream(file).pipe(fastCsvParse({ headers: false }));
      parser.on('data', () => rows++);
      await once(parser, 'end');
      rows -= 1; // header
      break;
    }
    case 'csv-parse':
    case 'csv-parse-info': {
      const parser = createReadStream(file).pipe(csvParse({ bom: true, info: name === 'csv-parse-info', from_line: 2 }));
      let lastLine = 0;
      for await (const record of parser) {
        if (name === 'csv-parse-info') lastLine = (record as { info: { lines: number } }).info.lines;
        rows++;
      }
      if (name === 'csv-parse-info' && lastLine === 0) throw new Error('no line numbers');
      break;
    }
    case 'read-csv': {
      const reader = await readCsv(createReadStream(file), { file: 'users.csv', multiline: false });
      for await (const item of reader) if (item.kind === 'record') rows++;
      break;
    }
    default:
      throw new Error(`unknown parser ${name}`);
  }
  return { rows, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}
