import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { ProgressReporter } from '../../src/jobs/progress-reporter';
import { SyncJobEntity } from '../../src/jobs/sync-job.entity';
import { importOneRoster, type OneRosterImportResult } from '../../src/roster/oneroster/importer';
import { connectAsPlainRole, createTestDatabase, type PlainRoleConnection, type TestDatabase } from '../support/database';
import { richPackage12 } from './rich-package';
import { rosterSnapshot } from './roster-snapshot';

/**
 * The apply switches the per-row foreign-key triggers off when its database role may; a role
 * that may not gets the same result with the triggers on.
 */
describe('OneRoster apply with and without the right to skip reference triggers', () => {
  let test: TestDatabase;
  let plain: PlainRoleConnection;

  before(async () => {
    test = await createTestDatabase();
    plain = await connectAsPlainRole(test);
  });
  after(async () => {
    await plain.close();
    await test.drop();
  });

  const run = async (db: DataSource, system: string): Promise<OneRosterImportResult> => {
    const repo = db.getRepository(SyncJobEntity);
    const job = await repo.save(repo.create({ kind: 'oneroster', sourceLabel: system, params: { system }, status: 'RUNNING' }));
    const progress = new ProgressReporter(db, job.id, () => {});
    try {
      return await importOneRoster(
        db,
        job.id,
        { path: richPackage12(), strictness: 'STRICT', dryRun: false, force: false, deleteThreshold: 0.2, system, label: system },
        progress,
        new AbortController().signal,
      );
    } finally {
      await progress.flush();
    }
  };

  it('the role may not switch triggers off, and imports the same records as one that may', async () => {
    const [rights] = (await plain.dataSource.query(`select has_parameter_privilege('session_replication_role', 'SET') as allowed`)) as { allowed: boolean }[];
    assert.equal(rights?.allowed, false);

    const withTriggers = await run(plain.dataSource, 'plain');
    const withoutTriggers = await run(test.dataSource, 'privileged');
    assert.deepEqual(withTriggers.entities, withoutTriggers.entities);
    assert.ok((withTriggers.entities['enrollments']?.added ?? 0) > 0, 'the package has enrollments');
    assert.deepEqual(await rosterSnapshot(test.dataSource, 'plain'), await rosterSnapshot(test.dataSource, 'privileged'));

    // Nothing the privileged import wrote points at a record that is not there.
    const [orphans] = (await test.dataSource.query(
      `select (select count(*) from enrollment e where not exists (select 1 from class c where c.id = e.class_id)
                                                  or not exists (select 1 from roster_user u where u.id = e.user_id)
                                                  or not exists (select 1 from org o where o.id = e.school_id))::int
            + (select count(*) from user_identifier i where not exists (select 1 from roster_user u where u.id = i.user_id))::int
            + (select count(*) from agent a where not exists (select 1 from roster_user u where u.id = a.agent_user_id))::int as n`,
    )) as { n: number }[];
    assert.equal(orphans?.n, 0);
  });
});
