import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { startTestApp, type TestApp } from '../support/app';
import { SAMPLES } from './support';

const IMPORT = `mutation($input: ImportOneRosterInput!) { importOneRoster(input: $input) { id status kind sourceLabel } }`;
const JOB = `query($id: ID!) { syncJob(id: $id) { status counts { added rejected warnings } entityCounts { entity added } issues(first: 5) { nodes { code file line } } } }`;

interface JobView {
  status: string;
  counts: { added: number; rejected: number; warnings: number };
  entityCounts: { entity: string; added: number }[];
  issues: { nodes: { code: string; file: string | null; line: number | null }[] };
}

describe('importOneRoster mutation', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { IMPORT_ROOTS: SAMPLES, MAX_UPLOAD_BYTES: '200000' } });
  });
  after(() => app.close());

  const finished = async (id: string): Promise<JobView> => {
    for (let i = 0; i < 200; i++) {
      const res = await app.gql<{ syncJob: JobView }, { id: string }>(JOB, { id });
      const job = res.data?.syncJob;
      if (job && !['QUEUED', 'RUNNING'].includes(job.status)) return job;
      await sleep(50);
    }
    throw new Error('job did not finish');
  };

  /** A GraphQL multipart request (the spec graphql-upload implements), with Apollo's CSRF header. */
  const upload = async (file: Buffer, name: string, input: Record<string, unknown>, role = ApiRole.INTEGRATOR) => {
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: IMPORT, variables: { input: { ...input, upload: null } } }));
    form.set('map', JSON.stringify({ 0: ['variables.input.upload'] }));
    form.set('0', new Blob([file]), name);
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { authorization: `Bearer ${app.keys[role]}`, 'apollo-require-preflight': 'true' },
      body: form,
    });
    return (await res.json()) as { data?: { importOneRoster: { id: string; status: string; sourceLabel: string } } | null; errors?: { extensions?: { code?: string } }[] };
  };

  it('queues an import of a server path and returns the job at once', async () => {
    const res = await app.gql<{ importOneRoster: { id: string; status: string; kind: string } }, unknown>(
      IMPORT,
      { input: { path: path.join(SAMPLES, 'lepo-roster-hub/en'), mode: 'LENIENT', system: 'by-path' } },
      { role: ApiRole.INTEGRATOR },
    );
    assert.equal(res.errors, undefined);
    assert.equal(res.data?.importOneRoster.kind, 'oneroster');
    assert.ok(['QUEUED', 'RUNNING'].includes(res.data?.importOneRoster.status ?? ''));
    const job = await finished(res.data!.importOneRoster.id);
    assert.equal(job.status, 'SUCCEEDED');
    assert.equal(job.counts.added, 82);
    assert.deepEqual(job.issues.nodes, [{ code: 'oneroster.manifest.property_unknown', file: 'manifest.csv', line: 10 }]);
  });

  it('imports an uploaded zip, stored in Postgres for whichever worker runs it, and removes it afterwards', async () => {
    const zip = await readFile(path.join(SAMPLES, 'moodle-enrol-oneroster/oneroster_test_data.zip'));
    const res = await upload(zip, 'oneroster_test_data.zip', { mode: 'LENIENT', system: 'by-upload' });
    assert.equal(res.errors, undefined);
    assert.equal(res.data?.importOneRoster.sourceLabel, 'oneroster_test_data.zip');
    const job = await finished(res.data!.importOneRoster.id);
    assert.equal(job.status, 'SUCCEEDED');
    assert.equal(job.counts.added, 9);
    const left = (await app.db.dataSource.query(`select count(*)::int as n from stored_upload`)) as { n: number }[];
    assert.equal(left[0]?.n, 0);
  });

  it('refuses an upload over MAX_UPLOAD_BYTES with PAYLOAD_TOO_LARGE', async () => {
    const res = await upload(Buffer.alloc(300_000, 1), 'big.zip', { mode: 'LENIENT' });
    assert.equal(res.errors?.[0]?.extensions?.code, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses paths outside IMPORT_ROOTS, both or neither input, and readers', async () => {
    const outside = await app.gql(IMPORT, { input: { path: '/etc' } }, { role: ApiRole.INTEGRATOR });
    assert.equal(outside.errors?.[0]?.extensions?.['code'], 'FORBIDDEN');
    const neither = await app.gql(IMPORT, { input: {} }, { role: ApiRole.INTEGRATOR });
    assert.equal(neither.errors?.[0]?.extensions?.['code'], 'BAD_USER_INPUT');
    const reader = await upload(Buffer.from('x'), 'x.zip', {}, ApiRole.READER);
    assert.equal(reader.errors?.[0]?.extensions?.code, 'FORBIDDEN');
  });
});
