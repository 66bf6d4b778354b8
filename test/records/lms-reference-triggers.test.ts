import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { createIdentity } from '../../src/app/identity';
import { openPackage } from '../../src/ingest';
import { ProgressReporter } from '../../src/jobs/progress-reporter';
import { SyncJobEntity } from '../../src/jobs/sync-job.entity';
import { importLmsFile, type LmsImportResult, parseLmsOptions } from '../../src/records';
import { connectAsPlainRole, createTestDatabase, type PlainRoleConnection, type TestDatabase } from '../support/database';
import { lmsCsv, LmsFolder, SCORM_HEADERS } from './lms-files';
import { lmsLearner, storedRecords } from './lms-support';

/**
 * The LMS apply switches the per-row foreign-key triggers off when its database role may; a
 * role that may not gets the same records with the triggers on.
 */
describe('LMS apply with and without the right to skip reference triggers', () => {
  let test: TestDatabase;
  let plain: PlainRoleConnection;
  const files = new LmsFolder('lms-triggers');

  before(async () => {
    test = await createTestDatabase();
    plain = await connectAsPlainRole(test);
    await lmsLearner(test.dataSource, 'ada', 'S100');
  });
  after(async () => {
    files.remove();
    await plain.close();
    await test.drop();
  });

  const run = async (db: DataSource, system: string, file: string): Promise<LmsImportResult> => {
    const repo = db.getRepository(SyncJobEntity);
    const job = await repo.save(repo.create({ kind: 'lms', sourceLabel: system, params: {}, status: 'RUNNING' }));
    const progress = new ProgressReporter(db, job.id, () => {});
    const pkg = await openPackage(file);
    try {
      return await importLmsFile(
        { entry: pkg.entries[0]!, sourceLabel: system },
        parseLmsOptions({ system }),
        { db, identity: createIdentity(db), progress, signal: new AbortController().signal, jobId: job.id },
        false,
      );
    } finally {
      await progress.flush();
      await pkg.close();
    }
  };

  it('the role may not switch triggers off, and stores the same records and persons as one that may', async () => {
    const [rights] = (await plain.dataSource.query(`select has_parameter_privilege('session_replication_role', 'SET') as allowed`)) as { allowed: boolean }[];
    assert.equal(rights?.allowed, false);

    const day1 = [
      ['ada', 'S100', '2025-04-01 10:00', 'Fire Safety', 'Module 1', 'incomplete', '1', ''],
      ['zed', 'Z999', '2025-04-01 08:00', 'Fire Safety', 'Module 1', 'failed', '1', '50'],
    ];
    const day2 = [
      ['ada', 'S100', '2025-04-02 10:30', 'Fire Safety', 'Module 1', 'passed', '1', '85%'],
      ['ada', 'S100', '2025-04-02 11:00', 'Fire Safety', 'Module 1', 'failed', '2', '40'],
      ['zed', 'Z999', '2025-04-01 08:00', 'Fire Safety', 'Module 1', 'failed', '1', '50'],
    ];
    const outcomes: Record<string, unknown[]> = { plain: [], privileged: [] };
    for (const [system, db, eol] of [
      ['plain', plain.dataSource, '\r\n'],
      ['privileged', test.dataSource, '\n'],
    ] as const) {
      // Other bytes per system: the ledger applies a file's bytes once.
      for (const [name, rows] of [
        ['SCORM20250401', day1],
        ['SCORM20250402', day2],
      ] as const) {
        const file = files.writeRaw(name, lmsCsv(SCORM_HEADERS, rows).replace(/\r\n/g, eol));
        const result = await run(db, system, file);
        outcomes[system]?.push(result.outcome);
      }
    }
    assert.deepEqual(outcomes['plain'], outcomes['privileged']);
    const stored = await storedRecords(test.dataSource, 'privileged');
    assert.equal(stored.length, 3);
    assert.deepEqual(await storedRecords(test.dataSource, 'plain'), stored);
  });
});
