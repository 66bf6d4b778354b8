import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { type Export, generateChanges, generateFullExport, writeExport } from './generator';
import { rosterUser } from './people';
import { importExport, storedState, tableCounts, tempDir } from './support';

/** The export with every value equal to a key of `renames` replaced (ids before EdReflect re-keyed them). */
function renamed(data: Export, renames: ReadonlyMap<string, string>): Export {
  return new Map(
    [...data].map(([t, v]) => [t, { columns: [...v.columns], rows: v.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, x]) => [k, renames.get(x) ?? x]))) }]),
  );
}

/** The export with old→new pairs added to its join tables. */
function withJoins(data: Export, joins: Record<string, [string, string][]>): Export {
  const out: Export = new Map([...data].map(([t, v]) => [t, { columns: [...v.columns], rows: [...v.rows] }]));
  for (const [table, pairs] of Object.entries(joins)) {
    const t = out.get(table) ?? { columns: ['oldId', 'newId'], rows: [] };
    t.rows.push(...pairs.map(([oldId, newId]) => ({ oldId, newId })));
    out.set(table, t);
  }
  return out;
}

describe('EdReflect old→new id join tables', () => {
  let app: TestApp;
  const full = generateFullExport();
  const { changes, after: afterChanges } = generateChanges(full);
  const u0 = full.get('users')?.rows[0]?.['id'] ?? '';
  const g0 = full.get('goals')?.rows[0]?.['id'] ?? '';
  const joins: Record<string, [string, string][]> = { user_ids: [['legacy-user-0', u0]], goal_ids: [['legacy-goal-0', g0]] };
  // The organisation's first export, before EdReflect re-keyed user 0 and goal 0.
  const legacy = renamed(full, new Map([[u0, 'legacy-user-0'], [g0, 'legacy-goal-0']]));
  // The next day's change-only export: keyed by the new ids, with the join tables.
  const changesWithJoins = withJoins(changes, joins);
  let personId = '';

  before(async () => {
    app = await startTestApp();
  });
  after(async () => {
    await app?.close();
  });

  it('stores an export with old ids as sent', async () => {
    const ada = await rosterUser(new RosterFactory(app.db.dataSource), { username: 'ada', email: 'someone.else@example.org' });
    const outcome = await importExport(app, { path: writeExport(tempDir('legacy'), legacy) });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? outcome.issues.join('\n'));
    const [row] = (await app.db.dataSource.query(`select count(*)::int as n from edreflect_row where row_id = 'legacy-user-0' or root_id = 'legacy-user-0'`)) as { n: number }[];
    assert.ok((row?.n ?? 0) > 5);
    // An integrator links the legacy user by hand; the link must survive the re-keying.
    const [person] = (await app.db.dataSource.query(`select id from external_person where system = 'edreflect:default' and account_id = 'legacy-user-0'`)) as { id: string }[];
    personId = person?.id ?? '';
    await app.runtime.services.identity.linkPerson(personId, ada);
  });

  it('applies a change-only export keyed by new ids with its join tables: the state is the new-id state', async () => {
    const outcome = await importExport(app, { path: writeExport(tempDir('changes-joins'), changesWithJoins) });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? outcome.issues.join('\n'));
    assert.ok(Number(outcome.result['idsRemapped']) > 0);
    const check = await importExport(app, { path: writeExport(tempDir('check'), withJoins(afterChanges, joins)), system: 'check' });
    assert.equal(check.status, 'SUCCEEDED');
    assert.deepEqual(await storedState(app), await storedState(app, 'check'));
    const left = (await app.db.dataSource.query(`select count(*)::int as n from edreflect_row where system = 'default' and table_name !~ '_ids$' and "values"::text like '%legacy-%'`)) as { n: number }[];
    assert.equal(left[0]?.n, 0, 'no reference to an old id is left');
    const [moved] = (await app.db.dataSource.query(`select account_id, method from external_person where id = $1`, [personId])) as { account_id: string; method: string }[];
    assert.deepEqual(moved, { account_id: u0, method: 'MANUAL' });
  });

  it('changes nothing when the same export comes again, and resolves old ids in later exports', async () => {
    const before = await storedState(app);
    const again = writeExport(tempDir('again'), changesWithJoins);
    writeFileSync(path.join(again, 'extra.csv'), 'id,name\r\n'); // other bytes: not a ledger duplicate
    const outcome = await importExport(app, { path: again });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? outcome.issues.join('\n'));
    assert.deepEqual([outcome.counts.added, outcome.counts.updated, outcome.counts.deleted, outcome.result['idsRemapped']], [0, 0, 0, 0]);
    assert.deepEqual(await storedState(app), before);

    // A later change-only export keyed by the new id applies to the re-keyed goal
    const counts = await tableCounts(app);
    // (its whole state, as a change-only export sends it, with the comments still naming the old id)
    const later: Export = new Map([['changed.goals', { columns: ['id'], rows: [{ id: g0 }] }]]);
    for (const [table, t] of full) {
      if (table !== 'goals' && !table.startsWith('goals.')) continue;
      const own = t.rows.filter((r) => (table === 'goals' ? r['id'] : r['goalId']) === g0);
      const rows = table === 'goals' ? own.map((r) => ({ ...r, title: 'goals 1 (revised)' })) : table === 'goals.comments' ? own.map((r) => ({ ...r, goalId: 'legacy-goal-0' })) : own;
      later.set(table, { columns: t.columns, rows });
    }
    const applied = await importExport(app, { path: writeExport(tempDir('later'), later) });
    assert.equal(applied.status, 'SUCCEEDED', applied.failureMessage ?? applied.issues.join('\n'));
    assert.deepEqual(applied.issues, []);
    assert.deepEqual(await tableCounts(app), counts);
    const [stored] = (await app.db.dataSource.query(`select "values" ->> 'title' as title from edreflect_row where system = 'default' and table_name = 'goals' and row_id = $1`, [g0])) as { title: string }[];
    assert.equal(stored?.title, 'goals 1 (revised)');
    const comments = (await app.db.dataSource.query(`select root_id, "values" ->> 'goalId' as goal from edreflect_row where system = 'default' and table_name = 'goals.comments' and root_id in ($1, 'legacy-goal-0')`, [g0])) as { root_id: string; goal: string }[];
    assert.deepEqual(comments, [{ root_id: g0, goal: g0 }, { root_id: g0, goal: g0 }]);
  });
});
