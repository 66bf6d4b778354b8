/**
 * `npm run migration:generate -- <VerbNoun>`: applies the existing migrations to a throwaway
 * Postgres, diffs it against the entities, and writes the difference as a new migration in
 * `migrations/` for review. Add it to `migrations/index.ts` after reading it.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { schemaDiff } from '../src/db/schema-diff';
import { createLogger } from '../src/shared/logger';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: generate-migration <VerbNoun>');
  const log = createLogger('warn');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'learngraph-migration-'));
  chmodSync(tmp, 0o711); // embedded Postgres runs as `postgres` when we are root
  const pg = await startEmbeddedPostgres(path.join(tmp, 'data'), log);
  try {
    const ds = createDataSource(process.env['DATABASE_URL'] ?? pg.url, log, { poolSize: 1 });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    const diff = await schemaDiff(ds);
    await ds.destroy();
    if (diff.up.length === 0) {
      console.log('The entities match the migrations; nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const file = path.resolve(__dirname, '../../migrations', `${timestamp}-${name}.ts`);
    const quote = (q: string) => '`' + q.replace(/[`\\]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${') + '`';
    const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(${quote(q.trim())});`).join('\n');
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(diff.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(diff.down)}
  }
}
`,
    );
    console.log(`Wrote ${path.relative(process.cwd(), file)}; review it and add it to migrations/index.ts.`);
  } finally {
    await pg.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
