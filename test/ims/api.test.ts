import 'reflect-metadata';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { createImsFormatImporter } from '../../src/ims';
import { ProgressReporter } from '../../src/jobs/progress-reporter';
import { SyncJobEntity } from '../../src/jobs/sync-job.entity';
import { createLogger } from '../../src/shared/logger';
import { AUTH, statements } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';
import { IMS_SAMPLES, resetRoster, sample } from './support';

const IMPORT = `mutation($input: ImportImsEnterpriseInput!) { importImsEnterprise(input: $input) { id status kind sourceLabel } }`;
const JOB = `query($id: ID!) { syncJob(id: $id) { status counts { added rejected warnings } entityCounts { entity added rejected } issues(first: 10) { nodes { severity code line column recordKey } } } }`;
const CREATE = { createMissingUsers: true, createMissingCourses: true };

interface JobView {
  status: string;
  counts: { added: number; rejected: number; warnings: number };
  entityCounts: { entity: string; added: number; rejected: number }[];
  issues: { nodes: { severity: string; code: string; line: number | null; column: string | null; recordKey: string | null }[] };
}

describe('importImsEnterprise, classGroups, the CLI and SFTP sources', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IMPORT_ROOTS: IMS_SAMPLES, MAX_UPLOAD_BYTES: '100000' } });
  });
  after(() => app.close());

  const finished = async (id: string): Promise<JobView> => {
    for (let i = 0; i < 400; i++) {
      const job = (await app.gql<{ syncJob: JobView }, { id: string }>(JOB, { id })).data?.syncJob;
      if (job && !['QUEUED', 'RUNNING'].includes(job.status)) return job;
      await sleep(50);
    }
    throw new Error('job did not finish');
  };

  const upload = async (file: Buffer, name: string, input: Record<string, unknown>, role = ApiRole.INTEGRATOR) => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: IMPORT, variables: { input: { ...input, upload: null } } }));
    form.set('map', JSON.stringify({ 0: ['variables.input.upload'] }));
    form.set('0', new Blob([file]), name);
    const res = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${app.keys[role]}`, 'apollo-require-preflight': 'true' }, body: form });
    return (await res.json()) as { data?: { importImsEnterprise: { id: string; sourceLabel: string } } | null; errors?: { extensions?: { code?: string } }[] };
  };

  it('queues an import of a server path, returns the job at once, and reports every skipped element with its path', async () => {
    await resetRoster(app);
    const res = await app.gql<{ importImsEnterprise: { id: string; status: string; kind: string } }, unknown>(
      IMPORT,
      { input: { path: sample('moodle-examples/example.xml'), options: { ...CREATE, roleMap: [{ roleType: '02', role: 'proctor' }], courseMapping: { title: 'COURSECODE' } } } },
      { role: ApiRole.INTEGRATOR },
    );
    assert.equal(res.errors, undefined);
    assert.equal(res.data?.importImsEnterprise.kind, 'ims');
    assert.ok(['QUEUED', 'RUNNING'].includes(res.data?.importImsEnterprise.status ?? ''));
    const job = await finished(res.data!.importImsEnterprise.id);
    assert.equal(job.status, 'COMPLETED_WITH_ERRORS');
    assert.deepEqual(
      job.entityCounts.filter((c) => ['persons', 'memberships'].includes(c.entity)).sort((a, b) => a.entity.localeCompare(b.entity)),
      [
        { entity: 'memberships', added: 4, rejected: 1 },
        { entity: 'persons', added: 4, rejected: 1 },
      ],
    );
    assert.deepEqual(job.issues.nodes[1], {
      severity: 'ERROR',
      code: 'ims.member.person_unknown',
      line: 116,
      column: '/enterprise/membership[1]/member[1]/role[1]',
      recordKey: 'PHRE1001A2005/06T1/2 91046433',
    });
    const roles = (await app.db.dataSource.query(`select role from enrollment order by role`)) as { role: string }[];
    assert.deepEqual(roles.map((r) => r.role), ['proctor', 'student', 'student', 'student']);
    const title = (await app.db.dataSource.query(`select title from course`)) as { title: string }[];
    assert.deepEqual(title, [{ title: 'PHRE1001A2005/06T1/2' }]);
  });

  it('imports an upload (GraphQL multipart)', async () => {
    await resetRoster(app);
    const res = await upload(readFileSync(sample('thunderbird-colleague/one-course-one-student.xml')), 'nightly.xml', { options: CREATE });
    assert.equal(res.errors, undefined);
    assert.equal(res.data?.importImsEnterprise.sourceLabel, 'nightly.xml');
    const job = await finished(res.data!.importImsEnterprise.id);
    assert.equal(job.status, 'SUCCEEDED');
    assert.equal(job.counts.added, 3);
  });

  it('refuses bad options, paths outside IMPORT_ROOTS and readers', async () => {
    const badRole = await app.gql(IMPORT, { input: { path: sample('moodle-examples/example.xml'), options: { roleMap: [{ roleType: '01', role: 'wizard' }] } } }, { role: ApiRole.INTEGRATOR });
    assert.equal(badRole.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    assert.match(badRole.errors?.[0]?.message ?? '', /roleMap/);
    const outside = await app.gql(IMPORT, { input: { path: '/etc/passwd' } }, { role: ApiRole.INTEGRATOR });
    assert.equal(outside.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
    const reader = await app.gql(IMPORT, { input: { path: sample('moodle-examples/example.xml') } }, { role: ApiRole.READER });
    assert.equal(reader.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
  });

  it('lists a class’s groups with their members in one statement', async () => {
    await resetRoster(app);
    const res = await app.gql<{ importImsEnterprise: { id: string } }, unknown>(IMPORT, { input: { path: sample('moodle-examples/example-grouped.xml'), options: CREATE } });
    await finished(res.data!.importImsEnterprise.id);
    const ids = (await app.db.dataSource.query(`select id from class`)) as { id: string }[];
    const classId = Buffer.from(`Class:${ids[0]?.id}`).toString('base64url');
    const groups = await app.gql<{ classGroups: { name: string; system: string; memberCount: number; memberIds: string[] }[] }, unknown>(
      `query($id: ID!) { classGroups(classId: $id) { name system memberCount memberIds } }`,
      { id: classId },
      { role: ApiRole.READER },
    );
    assert.equal(statements(groups), AUTH + 1);
    assert.deepEqual(groups.data?.classGroups.map((g) => [g.name, g.system, g.memberCount]), [
      ['green team', 'ims', 1],
      ['yellow team', 'ims', 1],
    ]);
    const user = await app.gql<{ node: { sourcedId: string } }, unknown>(`query($id: ID!) { node(id: $id) { ... on User { sourcedId } } }`, { id: groups.data?.classGroups[0]?.memberIds[0] });
    assert.equal(user.data?.node.sourcedId, '90182274');
  });

  it('imports files that SFTP and folder sources stream to it, hashing them as they pass', async () => {
    await resetRoster(app);
    const importer = createImsFormatImporter();
    assert.equal(importer.format, 'ims');
    assert.ok(importer.accepts('enrol-20250901.xml') && !importer.accepts('roster.zip'));
    assert.throws(() => importer.validateOptions({ unenrolAction: 'LATER' }), /unenrolAction/);
    const db = app.db.dataSource;
    const runOnce = async (): Promise<SyncJobEntity> => {
      const job = await db.getRepository(SyncJobEntity).save({ kind: 'source.import', sourceLabel: 'nightly sftp', params: {} });
      const progress = new ProgressReporter(db, job.id, () => {});
      const file = sample('thunderbird-colleague/small.xml');
      const context = { db, log: createLogger('silent'), progress, signal: new AbortController().signal, job };
      await importer.import(
        { name: 'small.xml', remotePath: `/out/small.xml`, size: readFileSync(file).length, businessDate: null, sourceId: '1', sourceLabel: 'nightly sftp', stream: createReadStream(file) },
        { ...CREATE, mode: 'TOLERANT' },
        context,
      );
      await progress.flush();
      return db.getRepository(SyncJobEntity).findOneByOrFail({ id: job.id });
    };
    const first = await runOnce();
    assert.equal(first.added, 10);
    const second = await runOnce();
    assert.equal(second.added, 0);
    assert.equal(second.result['duplicateOfJob'], first.id);
  });
});

describe('learngraph import ims', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
  });
  after(() => app.close());

  const CLI = path.resolve(__dirname, '../../src/main.js');
  const cli = (args: string[]): Promise<{ code: number | null; stderr: string }> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI, 'import', 'ims', ...args], { env: { ...process.env, DATABASE_URL: app.db.url, LOG_LEVEL: 'error' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => resolve({ code, stderr }));
    });

  it('exits 0, 2 or 1 as the job succeeds, skips elements with errors, or fails; --dry-run applies nothing', async () => {
    const dry = await cli([sample('thunderbird-colleague/one-course-one-student.xml'), '--create-users', '--create-courses', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stderr, /memberships: added 1/);
    assert.equal(((await app.db.dataSource.query(`select count(*)::int as n from enrollment`)) as { n: number }[])[0]?.n, 0);

    const ok = await cli([sample('thunderbird-colleague/one-course-one-student.xml'), '--create-users', '--create-courses', '--system', 'cli']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stderr, /SUCCEEDED/);

    const skipped = await cli([sample('moodle-examples/example.xml'), '--system', 'cli2', '--unenrol', 'SUSPEND']);
    assert.equal(skipped.code, 2, skipped.stderr);
    assert.match(skipped.stderr, /example\.xml, line 105, \/enterprise\/membership\[1\]: no class is known by this course code .*\[ims\.membership\.group_unknown\]/);

    const failed = await cli([sample('thunderbird-colleague/small.xml'), '--strict']);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stderr, /line 182.*documents may contain only one root/);
  });
});
