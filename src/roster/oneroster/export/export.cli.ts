import path from 'node:path';
import { Command, Option } from 'commander';
import type { DataSource } from 'typeorm';
import type { OneRosterVersion } from '../versions';
import { exportOneRoster } from './export-oneroster';

/** `learngraph export oneroster <dir>`: writes a bulk package from the database, a line per file on stderr. */
export function oneRosterExportCommand(openDatabase: () => Promise<{ dataSource: DataSource; close(): Promise<void> }>): Command {
  return new Command('oneroster')
    .description('Write one source system as a OneRoster 1.1/1.2 bulk package (a folder of CSVs with manifest.csv).')
    .argument('<dir>', 'a new or empty folder')
    .addOption(new Option('--version <version>', 'OneRoster version to write').choices(['1.2', '1.1']).makeOptionMandatory())
    .option('--system <system>', 'the source system whose records are exported', 'default')
    .action(async (dir: string, options: { version: OneRosterVersion; system: string }) => {
      const database = await openDatabase();
      try {
        const out = process.stderr;
        const result = await exportOneRoster(database.dataSource, {
          dir: path.resolve(dir),
          version: options.version,
          system: options.system,
          onFile: (f) => out.write(`${`${f.file}.csv`.padEnd(22)} ${f.rows > 0 ? `${f.rows} rows` : 'absent'}${f.skipped > 0 ? ` (${f.skipped} left out: they need a deleted record)` : ''}\n`),
        });
        out.write(`OneRoster ${result.version} bulk package written to ${result.dir}\n`);
      } finally {
        await database.close();
      }
    });
}
