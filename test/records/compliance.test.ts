import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { AUTH, errorCode, gid, ok, statements } from '../roster/helpers';
import { COURSE_HEADERS, LmsFolder } from './lms-files';
import { runLms } from './lms-support';

const DAY = 86_400_000;
/** `YYYY-MM-DD` of `n` days from today (negative: ago), in UTC like the imports. */
const daysFromNow = (n: number): string => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const compact = (date: string): string => date.replace(/-/g, '');

interface Compliance {
  status: string;
  expired: number;
  expiring: number;
  valid: number;
  items: { status: string; validUntil: string; item: { name: string }; satisfiedBy: { name: string } }[];
}

describe('validity, equivalences and compliance', () => {
  let app: TestApp;
  const files = new LmsFolder('compliance');
  const users: Record<string, string> = {};
  const items: Record<string, string> = {};
  let school: string;

  const setValidity = async (name: string, validity: { months?: number; days?: number } | null): Promise<{ validityPeriod: unknown }> => {
    const res = await app.gql<{ setLearningItemValidity: { validityPeriod: unknown } }, unknown>(
      `mutation($id: ID!, $v: ValidityPeriodInput) { setLearningItemValidity(itemId: $id, validity: $v) { validityPeriod { months days } } }`,
      { id: gid('LearningItem', items[name] as string), v: validity },
      { role: ApiRole.INTEGRATOR },
    );
    // begin, update the item, recompute its completions, commit.
    assert.equal(statements(res), AUTH + 4);
    return ok(res).setLearningItemValidity;
  };
  const compliance = async (who: string, within = 30): Promise<Compliance> => {
    const res = await app.gql<{ node: { compliance: Compliance } }, unknown>(
      `query($id: ID!, $w: Int!) { node(id: $id) { ... on User { compliance(within: $w) { status expired expiring valid items { status validUntil item { name } satisfiedBy { name } } } } } }`,
      { id: gid('User', users[who] as string), w: within },
    );
    const value = ok(res).node.compliance;
    // the user, then the holdings with their items (held and completed) in the same statement.
    assert.equal(statements(res), AUTH + 2);
    return value;
  };

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    const f = new RosterFactory(app.db.dataSource);
    const org = await f.org({ name: 'Ward 5' });
    const elsewhere = await f.org({ name: 'Elsewhere' });
    school = org.id;
    for (const [i, name] of ['amy', 'ben', 'cat', 'dev'].entries()) {
      const u = await f.user({ username: name });
      users[name] = u.id;
      await f.identifiers([{ userId: u.id, kind: 'identifier', value: `C${i}` }]);
      await f.roles([{ userId: u.id, orgId: name === 'dev' ? elsewhere.id : org.id }]);
    }
    // amy: Fire Safety 340 days ago; ben: 400 days ago; cat: 100 days ago via the e-learning equivalent; dev: 350 days ago elsewhere.
    const completions: [string, string, number, string][] = [
      ['amy', 'C0', -340, 'Fire Safety'],
      ['ben', 'C1', -400, 'Fire Safety'],
      ['cat', 'C2', -100, 'Fire Safety eLearning'],
      ['dev', 'C3', -350, 'Fire Safety'],
    ];
    for (const [name, id, offset, course] of completions) {
      const date = daysFromNow(offset);
      await runLms(app, { path: files.write(`Completion${compact(date)}`, COURSE_HEADERS, [[name, id, date, course]], name) });
    }
    const rows = (await app.db.dataSource.query(`select id, name from learning_item`)) as { id: string; name: string }[];
    for (const row of rows) items[row.name] = row.id;
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  it('makes completions valid until completion + the item’s period, and follows a changed period', async () => {
    assert.deepEqual(await setValidity('Fire Safety', { months: 12 }), { validityPeriod: { months: 12, days: 0 } });
    const [amy] = (await app.db.dataSource.query(
      `select to_char(completed_at, 'YYYY-MM-DD') as completed, to_char(valid_until, 'YYYY-MM-DD') as until from learning_record where user_id = $1`,
      [users['amy']],
    )) as { completed: string; until: string }[];
    const expected = new Date(`${amy!.completed}T00:00:00Z`);
    expected.setUTCMonth(expected.getUTCMonth() + 12);
    assert.equal(amy?.until, expected.toISOString().slice(0, 10));
    await setValidity('Fire Safety', { days: 10 });
    const [changed] = (await app.db.dataSource.query(`select valid_until - completed_at as d from learning_record where user_id = $1`, [users['amy']])) as {
      d: { days: number };
    }[];
    assert.equal(changed?.d.days, 10);
    await setValidity('Fire Safety', { months: 12 });
    const zero = await app.gql(`mutation($id: ID!) { setLearningItemValidity(itemId: $id, validity: { months: 0, days: 0 }) { id } }`, { id: gid('LearningItem', items['Fire Safety'] as string) });
    assert.equal(errorCode(zero), 'BAD_USER_INPUT');
  });

  it('says per user what has expired, what expires soon and what is valid', async () => {
    const amy = await compliance('amy');
    assert.equal(amy.status, 'EXPIRING');
    assert.deepEqual(amy.items.map((i) => [i.item.name, i.status]), [['Fire Safety', 'EXPIRING']]);
    const ben = await compliance('ben');
    assert.deepEqual([ben.status, ben.expired], ['EXPIRED', 1]);
    assert.deepEqual((await compliance('amy', 10)).status, 'VALID', 'outside a 10-day window');
    const cat = await compliance('cat');
    assert.deepEqual(cat.items, [], 'the e-learning course has no period and counts for nothing yet');
  });

  it('counts an equivalent item’s completion, with the period of the item it stands for', async () => {
    const res = await app.gql(
      `mutation($a: ID!, $b: ID!) { addLearningItemEquivalence(itemId: $a, equivalentItemId: $b) { name equivalents { name } } }`,
      { a: gid('LearningItem', items['Fire Safety'] as string), b: gid('LearningItem', items['Fire Safety eLearning'] as string) },
      { role: ApiRole.INTEGRATOR },
    );
    assert.deepEqual(ok(res), { addLearningItemEquivalence: { name: 'Fire Safety', equivalents: [{ name: 'Fire Safety eLearning' }] } });
    const cat = await compliance('cat');
    assert.deepEqual(cat.items.map((i) => [i.item.name, i.satisfiedBy.name, i.status]), [['Fire Safety', 'Fire Safety eLearning', 'VALID']]);
    // ben completes the equivalent today: he is valid again, through it.
    const today = daysFromNow(0);
    await runLms(app, { path: files.write(`Completion${compact(today)}`, COURSE_HEADERS, [['ben', 'C1', today, 'Fire Safety eLearning']], 'ben-renewal') });
    const ben = await compliance('ben');
    assert.deepEqual(ben.items.map((i) => [i.item.name, i.satisfiedBy.name, i.status]), [['Fire Safety', 'Fire Safety eLearning', 'VALID']]);
    await app.gql(
      `mutation($a: ID!, $b: ID!) { removeLearningItemEquivalence(itemId: $a, equivalentItemId: $b) { name } }`,
      { a: gid('LearningItem', items['Fire Safety'] as string), b: gid('LearningItem', items['Fire Safety eLearning'] as string) },
    );
    assert.equal((await compliance('ben')).status, 'EXPIRED');
  });

  it('lists who in an org is about to be out of date, soonest first, with expired ones on request', async () => {
    const EXPIRING = `query($org: ID, $all: Boolean!) { expiringLearning(orgId: $org, within: 30, includeExpired: $all, first: 10) {
      totalCount nodes { status user { username } item { name } } } }`;
    const soon = await app.gql<{ expiringLearning: { totalCount: number; nodes: { status: string; user: { username: string } }[] } }, unknown>(EXPIRING, {
      org: gid('Org', school),
      all: false,
    });
    assert.deepEqual(ok(soon).expiringLearning.nodes.map((n) => [n.user.username, n.status]), [['amy', 'EXPIRING']]);
    assert.equal(statements(soon), AUTH + 4, 'the page, then users, items, and totalCount');
    const all = await app.gql<{ expiringLearning: { nodes: { status: string; user: { username: string } }[] } }, unknown>(EXPIRING, { org: gid('Org', school), all: true });
    assert.deepEqual(ok(all).expiringLearning.nodes.map((n) => [n.user.username, n.status]), [
      ['ben', 'EXPIRED'],
      ['amy', 'EXPIRING'],
    ]);
    const everywhere = await app.gql<{ expiringLearning: { nodes: { user: { username: string } }[] } }, unknown>(EXPIRING, { org: null, all: false });
    assert.deepEqual(ok(everywhere).expiringLearning.nodes.map((n) => n.user.username), ['dev', 'amy'], 'dev (15 days left) before amy (25)');
  });
});
