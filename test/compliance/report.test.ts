import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse } from 'graphql';
import { ApiRole } from '../../src/auth/role';
import { RosterFactory } from '../factories/roster.factory';
import { COURSE_HEADERS, LmsFolder } from '../records/lms-files';
import { runLms } from '../records/lms-support';
import { errorCode, gid, ok } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';
import { collect, wsClient } from '../support/ws';

const DAY = 86_400_000;
const daysFromNow = (n: number): string => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

interface Job {
  status: string;
  kind: string;
  rowsDone: number;
  rowsTotal: number | null;
  downloadUrl: string | null;
}

describe('compliance reports', () => {
  let app: TestApp;
  const files = new LmsFolder('report');
  let trust: string;

  before(async () => {
    app = await startTestApp({ workerConcurrency: 1 });
    const f = new RosterFactory(app.db.dataSource);
    trust = (await f.org({ name: 'Trust', type: 'district' })).id;
    const ward = (await f.org({ name: 'Ward', parentId: trust })).id;
    const people: [string, string][] = [
      ['amy', 'Adams'],
      ['ben', "=cmd|' /C calc'!A0"],
      ['cat', 'Clark'],
    ];
    for (const [i, [name, family]] of people.entries()) {
      const u = await f.user({ username: name, givenName: name, familyName: family, email: `${name}@example.org` });
      await f.identifiers([{ userId: u.id, kind: 'identifier', value: `C${i}` }]);
      await f.roles([{ userId: u.id, orgId: i === 0 ? trust : ward }]);
    }
    await runLms(app, {
      path: files.write(`Completion${daysFromNow(0).replace(/-/g, '')}`, COURSE_HEADERS, [
        ['amy', 'C0', daysFromNow(-100), 'Fire Safety'],
        ['ben', 'C1', daysFromNow(-400), 'Fire Safety'],
        ['amy', 'C0', daysFromNow(-1), '@SUM(A1:A9)'],
      ]),
    });
    const items = Object.fromEntries(((await app.db.dataSource.query(`select id::text, name from learning_item`)) as { id: string; name: string }[]).map((r) => [r.name, r.id]));
    for (const name of ['Fire Safety', '@SUM(A1:A9)']) {
      ok(
        await app.gql(`mutation($input: AssignLearningRequirementInput!) { assignLearningRequirement(input: $input) { id } }`, {
          input: { itemId: gid('LearningItem', items[name] as string), orgId: gid('Org', trust), validForMonths: 12 },
        }),
      );
    }
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  it('exports the org’s scorecards as a spreadsheet-safe CSV behind a signed link', async () => {
    assert.equal(errorCode(await app.gql(`mutation($id: ID!) { exportComplianceReport(orgId: $id) { id } }`, { id: gid('Org', trust) }, { role: ApiRole.READER })), 'FORBIDDEN');
    const res = await app.gql<{ exportComplianceReport: { id: string; kind: string; status: string } }, unknown>(
      `mutation($id: ID!) { exportComplianceReport(orgId: $id, format: CSV) { id kind status } }`,
      { id: gid('Org', trust) },
      { role: ApiRole.INTEGRATOR },
    );
    const started = ok(res).exportComplianceReport;
    assert.deepEqual([started.kind, started.status], ['compliance-report', 'QUEUED']);
    // Progress through the existing subscription, which ends after the final state.
    const client = wsClient(app.url, app.keys[ApiRole.INTEGRATOR]);
    const watched = collect<{ syncJobUpdated: Job }, { id: string }>(
      client,
      parse(`subscription($id: ID!) { syncJobUpdated(id: $id) { status kind rowsDone rowsTotal downloadUrl } }`),
      { id: started.id },
    );
    await watched.done;
    await client.dispose();
    assert.deepEqual(watched.errors, []);
    const states = watched.events.map((e) => e.data.syncJobUpdated);
    assert.ok(states.slice(0, -1).every((s) => s.downloadUrl === null), 'no link before the file is done');
    const job = states.at(-1);
    assert.deepEqual([job?.status, job?.rowsDone, job?.rowsTotal], ['SUCCEEDED', 3, 3], 'progress counts people');
    const url = job?.downloadUrl;
    assert.match(url ?? '', /^\/reports\/\d+\.csv\?expires=\d+&sig=/);
    const download = await fetch(`${app.url}${url}`);
    assert.equal(download.status, 200);
    assert.match(download.headers.get('content-type') ?? '', /^text\/csv/);
    const bytes = Buffer.from(await download.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a BOM, so spreadsheets read UTF-8');
    const text = bytes.toString('utf8');
    const rows = parseCsv(text, { bom: true }) as string[][];
    assert.deepEqual(rows[0], ['Family name', 'Given name', 'Username', 'Identifier', 'Email', 'Requirement', 'State', 'Due on', 'Completed on', 'Valid until', 'Satisfied by', 'Record']);
    const body = rows.slice(1).map((r) => [r[0], r[2], r[5], r[6], r[8]]);
    assert.deepEqual(body, [
      ["'=cmd|' /C calc'!A0", 'ben', "'@SUM(A1:A9)", 'NOT_STARTED', ''],
      ["'=cmd|' /C calc'!A0", 'ben', 'Fire Safety', 'EXPIRED', daysFromNow(-400)],
      ['Adams', 'amy', "'@SUM(A1:A9)", 'MET', daysFromNow(-1)],
      ['Adams', 'amy', 'Fire Safety', 'MET', daysFromNow(-100)],
      ['Clark', 'cat', "'@SUM(A1:A9)", 'NOT_STARTED', ''],
      ['Clark', 'cat', 'Fire Safety', 'NOT_STARTED', ''],
    ]);
    const tampered = new URL(`${app.url}${url}`);
    tampered.pathname = tampered.pathname.replace(/(\d+)\.csv$/, (_, id: string) => `${Number(id) + 1}.csv`);
    assert.equal((await fetch(tampered)).status, 403);
  });
});
