import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { SOURCE_SYNC_KIND } from '../../src/sources';
import { startTestApp, type TestApp } from '../support/app';
import { CountingCsvImporter, createImportTable } from '../support/test-importer';
import { createSource, jobsOf, testSecretsKey, waitIdle } from '../support/sources';
import { DeleteSourceDocument, UpdateSourceDocument } from '../__generated__/graphql';

/**
 * Schedules on pg-boss: stored in its tables and fired once by whichever instance checks
 * first. SCHEDULE_CHECK_SECONDS=1 makes pg-boss look every second, so an every-minute cron
 * fires within a few seconds of being saved (pg-boss fires a cron whose last due minute is
 * less than 60 s ago).
 */
describe('source schedules', () => {
  let app: TestApp;
  let drop: string;
  before(async () => {
    drop = mkdtempSync(path.join(os.tmpdir(), 'learngraph-sched-'));
    app = await startTestApp({
      importers: [new CountingCsvImporter('lms')],
      env: { SECRETS_KEY: testSecretsKey(), SOURCE_FOLDER_ROOTS: drop, SCHEDULE_CHECK_SECONDS: '1' },
    });
    await createImportTable(app.db.dataSource);
  });
  after(async () => {
    await app?.close();
    rmSync(drop, { recursive: true, force: true });
  });

  const local = (name: string, schedule: string | null, timeZone = 'UTC') => {
    mkdirSync(path.join(drop, name), { recursive: true });
    return { name, kind: 'LOCAL_FOLDER' as const, format: 'LMS' as const, folder: path.join(drop, name), schedule, timeZone, settleSeconds: 0 };
  };
  const stored = async () => (await app.runtime.services.sources.schedules()).map((s) => ({ name: s.name, cron: s.cron, timezone: s.timezone }));

  it('keeps pg-boss schedules in step with creates, updates and deletes', async () => {
    const daily = await createSource(app, local('daily', '30 5 * * *', 'Europe/London'));
    const manual = await createSource(app, local('manual', null));
    assert.deepEqual(await stored(), [{ name: `source-sync-tick-${daily.localId}`, cron: '30 5 * * *', timezone: 'Europe/London' }]);

    const moved = await app.gql(UpdateSourceDocument, { id: daily.id, input: { schedule: '0 6 * * 1-5', timeZone: 'America/New_York' } }, { role: ApiRole.INTEGRATOR });
    assert.equal(moved.errors, undefined, JSON.stringify(moved.errors));
    await app.gql(UpdateSourceDocument, { id: manual.id, input: { schedule: '15 4 * * *' } }, { role: ApiRole.INTEGRATOR });
    assert.deepEqual(
      (await stored()).sort((a, b) => a.name.localeCompare(b.name)),
      [
        { name: `source-sync-tick-${daily.localId}`, cron: '0 6 * * 1-5', timezone: 'America/New_York' },
        { name: `source-sync-tick-${manual.localId}`, cron: '15 4 * * *', timezone: 'UTC' },
      ].sort((a, b) => a.name.localeCompare(b.name)),
    );

    await app.gql(UpdateSourceDocument, { id: daily.id, input: { schedule: null } }, { role: ApiRole.INTEGRATOR });
    await app.gql(DeleteSourceDocument, { id: manual.id }, { role: ApiRole.INTEGRATOR });
    assert.deepEqual(await stored(), []);
  });

  it('starts the same sync as runSync when a schedule is due, once, and skips a tick while one runs', async () => {
    const ticking = await createSource(app, local('ticking', '* * * * *'));
    let syncs: Awaited<ReturnType<typeof jobsOf>> = [];
    const started = Date.now();
    while (Date.now() - started < 15_000) {
      syncs = await jobsOf(app, ticking.localId, SOURCE_SYNC_KIND);
      if (syncs.length > 0) break;
      await sleep(200);
    }
    const firstSeen = Date.now();
    const firedAfter = firstSeen - started;
    assert.equal(syncs.length, 1, 'the schedule fired');
    assert.deepEqual(syncs[0]!.params, { sourceId: ticking.localId, trigger: 'schedule' });
    await waitIdle(app, ticking.localId);
    assert.equal((await jobsOf(app, ticking.localId, SOURCE_SYNC_KIND))[0]!.status, 'SUCCEEDED');
    console.log(`  measured: an every-minute schedule fired ${firedAfter} ms after it was saved`);

    // pg-boss debounces a schedule to once a minute; a tick arriving while a sync runs joins it.
    // At most one sync per minute the schedule has lived through (a minute's tick may be picked
    // up just after the next minute began, so minutes are counted from the save, not the fire).
    const minuteOf = (ms: number): number => Math.floor(ms / 60_000);
    await sleep(2_500);
    const minutes = minuteOf(Date.now()) - minuteOf(started) + 1;
    const fired = (await jobsOf(app, ticking.localId, SOURCE_SYNC_KIND)).length;
    assert.ok(fired <= minutes, `at most once a minute (${fired} syncs in ${minutes} minutes)`);
    const tick = await app.runtime.services.sources.onScheduleTick(ticking.localId);
    assert.equal(tick?.started, true);
    const again = await app.runtime.services.sources.onScheduleTick(ticking.localId);
    assert.equal(again?.started, false, 'a tick while a sync is under way starts nothing');
    assert.equal(again?.job.id, tick?.job.id);
    await waitIdle(app, ticking.localId);
    await app.gql(DeleteSourceDocument, { id: ticking.id }, { role: ApiRole.INTEGRATOR });
  });

  it('drops a schedule whose source is gone when it ticks', async () => {
    const outcome = await app.runtime.services.sources.onScheduleTick('999999');
    assert.equal(outcome, null);
  });
});
