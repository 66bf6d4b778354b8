import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { startTestApp, type TestApp } from '../support/app';
import { district12, writePackage } from '../oneroster/fixtures';

const IMPORT = `mutation($input: ImportOneRosterInput!) { importOneRoster(input: $input) { id } }`;
const JOB = `query($id: ID!) { syncJob(id: $id) { status failure { code message } issues(first: 5) { nodes { code file line message } } } }`;

interface JobView {
  status: string;
  failure: { code: string; message: string } | null;
  issues: { nodes: { code: string; file: string | null; line: number | null; message: string }[] };
}

/** What a hostile or broken sender might put in a field; each must come back exactly as sent. */
const PAYLOADS = {
  sql: `Robert'); DROP TABLE roster_user; --`,
  script: `<script>alert(document.cookie)</script>`,
  quoteOr: `' OR '1'='1`,
  formula: `=cmd|' /C calc'!A0`,
  template: '${jndi:ldap://127.0.0.1/a} {{7*7}} %s%n',
  unicode: 'Zoë \u202eevil\u202c 𝔘𝔫𝔦 \u0000-free',
};

describe('hostile inputs', () => {
  let app: TestApp;
  const root = mkdtempSync(path.join(os.tmpdir(), 'learngraph-hostile-'));

  before(async () => {
    app = await startTestApp({ env: { IMPORT_ROOTS: os.tmpdir() } });
  });
  after(async () => {
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const importPath = async (dir: string): Promise<JobView> => {
    const res = await app.gql<{ importOneRoster: { id: string } }, unknown>(IMPORT, { input: { path: dir, mode: 'STRICT' } }, { role: ApiRole.INTEGRATOR });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    for (let i = 0; i < 1_200; i++) {
      const job = (await app.gql<{ syncJob: JobView }, { id: string }>(JOB, { id: res.data!.importOneRoster.id })).data?.syncJob;
      if (job && !['QUEUED', 'RUNNING'].includes(job.status)) return job;
      await sleep(100);
    }
    throw new Error('import did not finish');
  };

  it('stores SQL-ish, script, formula and odd Unicode text verbatim and returns it unchanged', async () => {
    const unicode = PAYLOADS.unicode.replace('\u0000-free', 'nul-free'); // NUL cannot be stored in Postgres text: tested below
    const dir = district12({
      users: {
        mode: 'bulk',
        extra: ['metadata.note'],
        rows: [
          { sourcedId: 'h1', enabledUser: 'true', username: PAYLOADS.quoteOr, givenName: PAYLOADS.sql, familyName: PAYLOADS.script, identifier: PAYLOADS.formula, 'metadata.note': PAYLOADS.template },
          { sourcedId: 'h2', enabledUser: 'true', username: 'plain', givenName: unicode, familyName: 'x' },
        ],
      },
      roles: { mode: 'bulk', rows: [{ sourcedId: 'r1', userSourcedId: 'h1', roleType: 'primary', role: 'student', orgSourcedId: 's1' }] },
      enrollments: { mode: 'bulk', rows: [] },
      demographics: { mode: 'bulk', rows: [] },
    });
    try {
      const job = await importPath(dir);
      assert.equal(job.status, 'SUCCEEDED', JSON.stringify(job));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const res = await app.gql<{ users: { nodes: { sourcedId: string; username: string; givenName: string; familyName: string; identifier: string | null; metadata: Record<string, unknown> }[] } }, unknown>(
      `{ users(first: 10, orderBy: ID_ASC) { nodes { sourcedId username givenName familyName identifier metadata } } }`,
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const h1 = res.data!.users.nodes.find((u) => u.sourcedId === 'h1');
    const h2 = res.data!.users.nodes.find((u) => u.sourcedId === 'h2');
    assert.deepEqual(
      { username: h1?.username, givenName: h1?.givenName, familyName: h1?.familyName, identifier: h1?.identifier, note: h1?.metadata['note'] },
      { username: PAYLOADS.quoteOr, givenName: PAYLOADS.sql, familyName: PAYLOADS.script, identifier: PAYLOADS.formula, note: PAYLOADS.template },
    );
    assert.equal(h2?.givenName, unicode);
    const [tables] = (await app.db.dataSource.query(`select count(*)::int as n from roster_user`)) as { n: number }[];
    assert.equal(tables?.n, 2, 'the table is still there, with both rows');

    // A search takes the same text as data: a payload finds its row and nothing else (LIKE wildcards included).
    for (const [q, expected] of [[PAYLOADS.quoteOr, ['h1']], [PAYLOADS.sql, ['h1']], ['%', []], ['R_bert', []], ['roster_user', ['h1']]] as const) {
      const found = await app.gql<{ users: { nodes: { sourcedId: string }[] } }, unknown>(`query($q: String!) { users(first: 5, filter: { search: $q }) { nodes { sourcedId } } }`, { q });
      assert.equal(found.errors, undefined, JSON.stringify(found.errors));
      assert.deepEqual(found.data!.users.nodes.map((u) => u.sourcedId), expected, q);
    }
  });

  it('refuses a NUL character in a CSV with the file, line and rule, and applies nothing', async () => {
    const dir = writePackage('1.2', {
      orgs: { mode: 'bulk', rows: [{ sourcedId: 'nul-org', name: 'North\u0000School', type: 'school' }] },
    });
    try {
      const job = await importPath(dir);
      assert.notEqual(job.status, 'SUCCEEDED');
      const text = JSON.stringify(job);
      assert.match(text, /orgs\.csv/);
      const [orgs] = (await app.db.dataSource.query(`select count(*)::int as n from org where sourced_id = 'nul-org'`)) as { n: number }[];
      assert.equal(orgs?.n, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops at a 1 GB line with the file, line and rule, in flat memory, and the server stays up', async () => {
    const dir = writePackage('1.2', { orgs: { mode: 'bulk', rows: [{ sourcedId: 'big-org', name: 'Big', type: 'school' }] } });
    try {
      // Append one 1 GiB line without a line break after the header-and-row file.
      const out = createWriteStream(path.join(dir, 'orgs.csv'), { flags: 'a' });
      const chunk = Buffer.alloc(16 * 1024 * 1024, 'a');
      for (let written = 0; written < 1024 ** 3; written += chunk.length) if (!out.write(chunk)) await once(out, 'drain');
      out.end();
      await once(out, 'finish');

      const base = process.memoryUsage().rss;
      let peak = base;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      let job: JobView;
      try {
        job = await importPath(dir);
      } finally {
        clearInterval(sampler);
      }
      assert.equal(job.status, 'FAILED', JSON.stringify(job));
      assert.equal(job.failure?.code, 'INVALID_FILE');
      assert.match(job.failure?.message ?? '', /^orgs\.csv, line 3: a record is longer than 1048576 characters.*\[csv\.record\.too_large\]$/);
      const [orgs] = (await app.db.dataSource.query(`select count(*)::int as n from org where sourced_id = 'big-org'`)) as { n: number }[];
      assert.equal(orgs?.n, 0, 'a file that fails applies nothing');
      assert.ok(peak - base < 256 * 1024 * 1024, `memory grew by ${Math.round((peak - base) / 1024 / 1024)} MiB`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const alive = await app.gql(`{ __typename }`);
    assert.equal(alive.errors, undefined);
  });

  it('refuses an oversized GraphQL document with 413 and keeps serving', async () => {
    const huge = `{ ${'__typename '.repeat(200_000)} }`;
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.keys[ApiRole.READER]}` },
      body: JSON.stringify({ query: huge }),
    });
    assert.equal(res.status, 413);
    const tokens = await app.gql(`{ ${'__typename '.repeat(20_000)} }`);
    assert.ok(tokens.errors?.length, 'a document over the token limit is refused before it runs');
    assert.equal((await app.gql(`{ __typename }`)).errors, undefined);
  });
});
