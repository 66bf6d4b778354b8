import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { startTestApp, type TestApp } from '../support/app';
import { COUNTING_KIND, type CountingParams } from '../support/test-jobs';
import { collect, wsClient } from '../support/ws';

import {
  CancelSyncJobDocument,
  type JobViewFragment,
  SyncJobDocument,
  SyncJobIssuesDocument,
  WatchSyncJobDocument,
} from '../__generated__/graphql';

type JobView = JobViewFragment;

describe('sync jobs', () => {
  let app: TestApp;
  before(async () => {
    // This server runs no worker of its own: jobs are run by the worker process below (or not at all).
    app = await startTestApp({ workerConcurrency: 0 });
  });
  after(() => app.close());

  const enqueue = async (params: CountingParams): Promise<string> => {
    const job = await app.runtime.services.syncJobs.enqueue({ kind: COUNTING_KIND, sourceLabel: 'count.csv', params: { ...params } });
    return toGlobalId('SyncJob', job.id);
  };
  const fetchJob = async (id: string): Promise<JobView> => {
    const res = await app.gql(SyncJobDocument, { id });
    assert.equal(res.errors, undefined);
    return res.data!.syncJob;
  };

  it('cancels a queued job at once, and refuses to cancel a finished one', async () => {
    const id = await enqueue({ rows: 1, stepMs: 1 });
    const res = await app.gql(CancelSyncJobDocument, { id }, { role: ApiRole.INTEGRATOR });
    assert.equal(res.data?.cancelSyncJob.status, 'CANCELLED');
    const again = await app.gql(CancelSyncJobDocument, { id }, { role: ApiRole.INTEGRATOR });
    assert.equal(again.errors?.[0]?.extensions?.['code'], 'CONFLICT');
    const reader = await app.gql(CancelSyncJobDocument, { id }, { role: ApiRole.READER });
    assert.equal(reader.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
  });

  describe('run by a second process', () => {
    let worker: ChildProcess;
    before(async () => {
      worker = spawn(process.execPath, [path.join(__dirname, '../support/worker-process.js')], {
        env: { ...process.env, DATABASE_URL: app.db.url, LOG_LEVEL: 'silent', WORKER_CONCURRENCY: '1' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const [chunk] = (await once(worker.stdout!, 'data')) as [Buffer];
      assert.match(chunk.toString(), /worker ready/);
    });
    after(async () => {
      worker.kill('SIGTERM');
      await once(worker, 'exit');
    });

    it('streams progress at least once a second and the final state over graphql-ws', async () => {
      const id = await enqueue({ rows: 30, stepMs: 100, rejectLines: [5, 9] });
      const client = wsClient(app.url, app.keys[ApiRole.READER]);
      const watched = collect(client, WatchSyncJobDocument, { id });
      await watched.done;
      await client.dispose();

      assert.deepEqual(watched.errors, []);
      const states = watched.events.map((e) => e.data.syncJobUpdated);
      const last = states[states.length - 1]!;
      assert.equal(last.status, 'COMPLETED_WITH_ERRORS');
      assert.equal(last.rowsDone, 30);
      assert.equal(last.rowsTotal, 30);
      assert.deepEqual(last.counts, { added: 28, rejected: 2, warnings: 0 });
      const running = watched.events.filter((e) => e.data.syncJobUpdated.status === 'RUNNING');
      assert.ok(running.length >= 3, `expected several progress events, got ${running.length}`);
      const done = running.map((e) => e.data.syncJobUpdated.rowsDone);
      assert.deepEqual(done, [...done].sort((a, b) => a - b), 'progress never goes backwards');
      for (let i = 1; i < watched.events.length; i++) {
        const gap = watched.events[i]!.at - watched.events[i - 1]!.at;
        assert.ok(gap <= 1_500, `events ${i - 1}->${i} were ${gap} ms apart`);
      }

      const issues = await app.gql(SyncJobIssuesDocument, { id, first: 10 });
      assert.deepEqual(issues.data?.syncJob.issues, {
        totalCount: 2,
        nodes: [
          { line: 5, code: 'test.rejected', file: 'count.csv', column: 'n', severity: 'ERROR' },
          { line: 9, code: 'test.rejected', file: 'count.csv', column: 'n', severity: 'ERROR' },
        ],
      });
    });

    it('gives a late subscriber the current state first, then completes', async () => {
      const id = await enqueue({ rows: 2, stepMs: 1 });
      for (let i = 0; i < 100 && (await fetchJob(id)).status !== 'SUCCEEDED'; i++) await sleep(100);
      const client = wsClient(app.url, app.keys[ApiRole.READER]);
      const watched = collect(client, WatchSyncJobDocument, { id });
      await watched.done;
      await client.dispose();
      assert.equal(watched.events.length, 1);
      assert.equal(watched.events[0]!.data.syncJobUpdated.status, 'SUCCEEDED');
      assert.equal(watched.events[0]!.data.syncJobUpdated.rowsDone, 2);
    });

    it('stops a running job on cancel within about a second', async () => {
      const id = await enqueue({ rows: 200, stepMs: 50 });
      for (let i = 0; i < 100 && (await fetchJob(id)).status !== 'RUNNING'; i++) await sleep(50);
      const asked = Date.now();
      const res = await app.gql(CancelSyncJobDocument, { id });
      assert.equal(res.data?.cancelSyncJob.cancelRequested, true);
      let job = await fetchJob(id);
      while (job.status === 'RUNNING' && Date.now() - asked < 5_000) {
        await sleep(50);
        job = await fetchJob(id);
      }
      assert.equal(job.status, 'CANCELLED');
      assert.ok(Date.now() - asked < 2_500, `cancel took ${Date.now() - asked} ms`);
      assert.ok(job.rowsDone < 200);
    });

    it('fails a job whose handler reports a file error, with its message', async () => {
      const id = await enqueue({ rows: 5, stepMs: 1, failAtRow: 3 });
      let job = await fetchJob(id);
      for (let i = 0; i < 100 && !['FAILED', 'SUCCEEDED'].includes(job.status); i++) {
        await sleep(50);
        job = await fetchJob(id);
      }
      assert.equal(job.status, 'FAILED');
      assert.deepEqual(job.failure, { code: 'INVALID_FILE', message: 'count.csv line 4: the test says stop' });
    });
  });

  it('refuses subscriptions without a key, and connections with a wrong one', async () => {
    const id = await enqueue({ rows: 1, stepMs: 1 });
    const anonymous = wsClient(app.url, undefined);
    const denied = collect(anonymous, WatchSyncJobDocument, { id });
    await denied.done;
    await anonymous.dispose();
    assert.equal((denied.errors[0] as { extensions?: { code?: string } }).extensions?.code, 'UNAUTHENTICATED');

    const wrong = wsClient(app.url, 'lg_wrong');
    const closed = collect(wrong, WatchSyncJobDocument, { id });
    await closed.done;
    await wrong.dispose();
    assert.equal((closed.errors[0] as { code?: number }).code, 4403);
  });
});
