import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { gid, ok } from '../roster/helpers';
import { F2F_HEADERS, lmsCsv } from './lms-files';

const DAY = 86_400_000;
const date = (days: number): string => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const stamp = (days: number): string => date(days).replace(/-/g, '');

/**
 * What a new integrator does: point an LMS source at the folder the vendor's daily files land
 * in (renamed columns, day-first dates), sync it, and open one learner's page.
 */
describe('LMS source, as a new user sets it up', () => {
  let app: TestApp;
  const root = mkdtempSync(path.join(os.tmpdir(), 'learngraph-lms-source-'));
  const drop = path.join(root, 'lms-outbound');
  let nia: string;

  before(async () => {
    app = await startTestApp({ env: { SOURCE_FOLDER_ROOTS: root } });
    const f = new RosterFactory(app.db.dataSource);
    const user = await f.user({ username: 'nia', givenName: 'Nia', familyName: 'Okafor' });
    nia = user.id;
    await f.identifiers([{ userId: nia, kind: 'identifier', value: 'E-204' }]);
    mkdirSync(drop);
    const uk = (days: number): string => date(days).split('-').reverse().join('/');
    writeFileSync(path.join(drop, `F2F${stamp(-6)}`), lmsCsv(F2F_HEADERS, [['nia', 'E-204', uk(-6), 'Moving and Handling', 'MH-77', uk(-2), 'Booked']]));
    writeFileSync(path.join(drop, `F2F${stamp(-2)}`), lmsCsv(F2F_HEADERS, [['nia', 'E-204', uk(-2), 'Moving and Handling', 'MH-77', uk(-2), 'Attended']]));
    writeFileSync(path.join(drop, `Completion${stamp(-1)}`), lmsCsv(['Login', 'Staff Number', 'Completed', 'Course Name'], [['nia', 'E-204', uk(-350), 'Fire Safety']]));
    writeFileSync(path.join(drop, 'README.txt'), 'not a data file');
  });
  after(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('imports the daily files in date order and shows the learner everything, with what is about to expire', async () => {
    const created = await app.gql<{ createSource: { id: string } }, unknown>(
      `mutation($input: CreateSourceInput!) { createSource(input: $input) { id } }`,
      {
        input: {
          name: 'learnPro outbound',
          kind: 'LOCAL_FOLDER',
          format: 'LMS',
          folder: drop,
          settleSeconds: 1,
          formatOptions: {
            columnMap: [
              { fileType: 'COURSE_COMPLETION', field: 'USERNAME', headers: ['Login'] },
              { fileType: 'COURSE_COMPLETION', field: 'UNIQUE_ID', headers: ['Staff Number'] },
              { fileType: 'COURSE_COMPLETION', field: 'DATE', headers: ['Completed'] },
            ],
            dateFormats: ['DD/MM/YYYY'],
          },
        },
      },
      { role: ApiRole.INTEGRATOR },
    );
    const sourceId = ok(created).createSource.id;
    ok(await app.gql(`mutation($id: ID!) { runSync(sourceId: $id) { id } }`, { id: sourceId }, { role: ApiRole.INTEGRATOR }));
    for (let i = 0; i < 300; i++) {
      const [busy] = (await app.db.dataSource.query(`select count(*)::int as n from sync_job where status in ('QUEUED', 'RUNNING')`)) as { n: number }[];
      const [done] = (await app.db.dataSource.query(`select count(*)::int as n from learning_record`)) as { n: number }[];
      if (busy?.n === 0 && (done?.n ?? 0) >= 2) break;
      await sleep(100);
    }
    const jobs = (await app.db.dataSource.query(`select kind, status, failure_message, result from sync_job order by id`)) as unknown[];
    const items = ok(await app.gql<{ learningItems: { nodes: { id: string; name: string }[] } }, unknown>(`{ learningItems(first: 10) { nodes { id name } } }`));
    const fire = items.learningItems.nodes.find((i) => i.name === 'Fire Safety');
    assert.ok(fire, JSON.stringify(jobs));
    assert.deepEqual(
      (jobs as { kind: string; status: string }[]).map((j) => [j.kind, j.status]),
      [['source.sync', 'SUCCEEDED'], ['source.import', 'SUCCEEDED'], ['source.import', 'SUCCEEDED'], ['source.import', 'SUCCEEDED']],
    );
    ok(await app.gql(`mutation($id: ID!) { setLearningItemValidity(itemId: $id, validity: { months: 12 }) { id } }`, { id: fire!.id }, { role: ApiRole.INTEGRATOR }));

    const page = await app.gql<{ node: Record<string, unknown> }, unknown>(
      `query($id: ID!) { node(id: $id) { ... on User { givenName
        learningHistory(first: 20) { nodes { __typename title status occurredAt validUntil
          ... on FaceToFaceSession { sessionId statusHistory { status } } } }
        compliance { status items { status item { name } } } } } }`,
      { id: gid('User', nia) },
    );
    const learner = ok(page).node as {
      learningHistory: { nodes: { __typename: string; title: string; status: string; sessionId?: string; statusHistory?: { status: string }[] }[] };
      compliance: { status: string; items: { status: string; item: { name: string } }[] };
    };
    assert.deepEqual(
      learner.learningHistory.nodes.map((n) => [n.__typename, n.title, n.status, n.statusHistory?.map((s) => s.status) ?? null]),
      [
        ['FaceToFaceSession', 'Moving and Handling', 'ATTENDED', ['BOOKED', 'ATTENDED']],
        ['CourseCompletion', 'Fire Safety', 'COMPLETED', null],
      ],
    );
    assert.deepEqual(learner.compliance, { status: 'EXPIRING', items: [{ status: 'EXPIRING', item: { name: 'Fire Safety' } }] });
  });
});
