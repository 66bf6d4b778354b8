import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { AUTH, errorCode, gid, ok, statements } from '../roster/helpers';
import { COURSE_HEADERS, LmsFolder } from '../records/lms-files';
import { runLms } from '../records/lms-support';

const DAY = 86_400_000;
const daysFromNow = (n: number): string => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);

interface Person {
  state: string;
  requirements: number;
  met: number;
  user: { username: string };
}
interface OrgCompliance {
  totalCount: number;
  counts: Record<string, number>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Person[];
}

const ORG_COMPLIANCE = `query($id: ID!, $first: Int, $after: String, $state: RequirementState) {
  node(id: $id) { ... on Org { compliance(first: $first, after: $after, state: $state) {
    totalCount counts { met metByEquivalent expiring expired overdue notStarted total }
    pageInfo { hasNextPage endCursor } nodes { state requirements met user { username } } } } } }`;

describe('learning requirements and scorecards', () => {
  let app: TestApp;
  const files = new LmsFolder('requirements');
  const users: Record<string, string> = {};
  const items: Record<string, string> = {};
  let trust: string;
  let ward: string;
  let elsewhere: string;
  let klass: string;

  const assign = async (input: Record<string, unknown>, role: ApiRole | null = ApiRole.INTEGRATOR) =>
    app.gql<{ assignLearningRequirement: { id: string; target: string; item: { name: string } } }, unknown>(
      `mutation($input: AssignLearningRequirementInput!) { assignLearningRequirement(input: $input) { id target item { name } } }`,
      { input },
      { role },
    );
  const orgCompliance = async (vars: Record<string, unknown>) => {
    const res = await app.gql<{ node: { compliance: OrgCompliance } }, unknown>(ORG_COMPLIANCE, { id: gid('Org', trust), ...vars });
    return { value: ok(res).node.compliance, statements: statements(res) };
  };

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    const f = new RosterFactory(app.db.dataSource);
    trust = (await f.org({ name: 'Trust', type: 'district' })).id;
    ward = (await f.org({ name: 'Ward A', parentId: trust })).id;
    elsewhere = (await f.org({ name: 'Elsewhere' })).id;
    klass = (await f.class({ title: 'New starters' })).id;
    const people: [string, string, string, string][] = [
      // username, family name, org, role
      ['amy', 'Adams', ward, 'staff'],
      ['ben', 'Brown', ward, 'staff'],
      ['cat', 'Clark', trust, 'staff'],
      ['dev', 'Davis', ward, 'staff'],
      ['eve', 'Evans', trust, 'staff'],
      ['fay', 'Fox', ward, 'nurse'],
      ['gus', 'Gray', elsewhere, 'staff'],
    ];
    for (const [i, [name, family, org, role]] of people.entries()) {
      const u = await f.user({ username: name, familyName: family, givenName: name });
      users[name] = u.id;
      await f.identifiers([{ userId: u.id, kind: 'identifier', value: `C${i}` }]);
      await f.roles([{ userId: u.id, orgId: org, role }]);
    }
    await f.enrollments(1, () => ({ userId: users['gus'] as string, classId: klass }));
    const rows: [string, string, number, string][] = [
      ['amy', 'C0', -100, 'Fire Safety'],
      ['amy', 'C0', -20, 'Induction'],
      ['ben', 'C1', -350, 'Fire Safety'],
      ['cat', 'C2', -10, 'Fire Safety eLearning'],
      ['dev', 'C3', -400, 'Fire Safety'],
      ['fay', 'C5', -50, 'Fire Safety'],
      ['gus', 'C6', -5, 'Manual Handling'],
    ];
    await runLms(app, { path: files.write(`Completion${daysFromNow(0).replace(/-/g, '')}`, COURSE_HEADERS, rows.map(([u, id, d, c]) => [u, id, daysFromNow(d), c])) });
    for (const row of (await app.db.dataSource.query(`select id::text, name from learning_item`)) as { id: string; name: string }[]) items[row.name] = row.id;
    ok(
      await app.gql(`mutation($a: ID!, $b: ID!) { addLearningItemEquivalence(itemId: $a, equivalentItemId: $b) { name } }`, {
        a: gid('LearningItem', items['Fire Safety'] as string),
        b: gid('LearningItem', items['Fire Safety eLearning'] as string),
      }),
    );
  });
  after(async () => {
    files.remove();
    await app.close();
  });

  it('lets integrators assign requirements to an org, a role or a class, and refuses bad ones', async () => {
    const fire = await assign({ itemId: gid('LearningItem', items['Fire Safety'] as string), orgId: gid('Org', trust), validForMonths: 12 });
    assert.deepEqual({ ...ok(fire).assignLearningRequirement, id: undefined }, { id: undefined, target: 'ORG', item: { name: 'Fire Safety' } });
    const manual = await assign({ itemId: gid('LearningItem', items['Manual Handling'] as string), role: 'nurse', orgId: gid('Org', trust), dueOn: daysFromNow(-3) });
    assert.equal(ok(manual).assignLearningRequirement.target, 'ROLE');
    const induction = await assign({ itemId: gid('LearningItem', items['Induction'] as string), classId: gid('Class', klass), dueOn: daysFromNow(30) });
    assert.equal(ok(induction).assignLearningRequirement.target, 'CLASS');

    assert.equal(errorCode(await assign({ itemId: gid('LearningItem', items['Induction'] as string), orgId: gid('Org', trust), validForMonths: 12 }, ApiRole.READER)), 'FORBIDDEN');
    assert.equal(errorCode(await assign({ itemId: gid('LearningItem', items['Induction'] as string), validForMonths: 12 })), 'BAD_USER_INPUT', 'no target');
    assert.equal(errorCode(await assign({ itemId: gid('LearningItem', items['Induction'] as string), orgId: gid('Org', trust) })), 'BAD_USER_INPUT', 'neither due date nor recurrence');
    assert.equal(errorCode(await assign({ itemId: gid('LearningItem', items['Induction'] as string), orgId: gid('Org', '999999'), dueOn: daysFromNow(1) })), 'NOT_FOUND');
    assert.equal(errorCode(await assign({ itemId: gid('LearningItem', items['Fire Safety'] as string), orgId: gid('Org', trust), validForMonths: 12 })), 'CONFLICT');
    const [{ n }] = (await app.db.dataSource.query(`select count(*)::int as n from learning_requirement`)) as [{ n: number }];
    assert.equal(n, 3, 'refused assignments wrote nothing');
  });

  it('gives each person a scorecard with the state of every requirement and the record that satisfies it', async () => {
    const res = await app.gql<{ nodes: { username: string; scorecard: { state: string; item: { name: string }; satisfiedBy: { name: string } | null; record: { title: string } | null; requirement: { target: string } }[] }[] }, unknown>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { username scorecard { state item { name } satisfiedBy { name } record { title } requirement { target } } } } }`,
      { ids: ['amy', 'ben', 'cat', 'dev', 'eve', 'fay', 'gus'].map((u) => gid('User', users[u] as string)) },
    );
    const cards = Object.fromEntries(ok(res).nodes.map((n) => [n.username, n.scorecard.map((e) => [e.item.name, e.state, e.satisfiedBy?.name ?? null, e.requirement.target])]));
    assert.deepEqual(cards, {
      amy: [['Fire Safety', 'MET', 'Fire Safety', 'ORG']],
      ben: [['Fire Safety', 'EXPIRING', 'Fire Safety', 'ORG']],
      cat: [['Fire Safety', 'MET_BY_EQUIVALENT', 'Fire Safety eLearning', 'ORG']],
      dev: [['Fire Safety', 'EXPIRED', 'Fire Safety', 'ORG']],
      eve: [['Fire Safety', 'NOT_STARTED', null, 'ORG']],
      fay: [
        ['Fire Safety', 'MET', 'Fire Safety', 'ORG'],
        ['Manual Handling', 'OVERDUE', null, 'ROLE'],
      ],
      gus: [['Induction', 'NOT_STARTED', null, 'CLASS']],
    });
    // users, scorecards (one statement for all seven), then items, records and requirements, one batch each.
    assert.equal(statements(res), AUTH + 5);
    const narrow = await app.gql<{ node: { scorecard: { state: string; validUntil: string }[] } }, unknown>(
      `query($id: ID!) { node(id: $id) { ... on User { scorecard(expiringWithin: 10) { state validUntil } } } }`,
      { id: gid('User', users['ben'] as string) },
    );
    assert.equal(ok(narrow).node.scorecard[0]?.state, 'MET', 'ben has about 15 days left: outside a 10-day window');
  });

  it('pages through an org’s people (sub-orgs included) by state, with counts per state, in one statement per page', async () => {
    const all = await orgCompliance({ first: 10 });
    assert.deepEqual(
      all.value.nodes.map((p) => [p.user.username, p.state, p.requirements, p.met]),
      [
        ['amy', 'MET', 1, 1],
        ['ben', 'EXPIRING', 1, 1],
        ['cat', 'MET_BY_EQUIVALENT', 1, 1],
        ['dev', 'EXPIRED', 1, 0],
        ['eve', 'NOT_STARTED', 1, 0],
        ['fay', 'OVERDUE', 2, 1],
      ],
      'gus is elsewhere',
    );
    assert.deepEqual(all.value.counts, { met: 1, metByEquivalent: 1, expiring: 1, expired: 1, overdue: 1, notStarted: 1, total: 6 });
    assert.equal(all.value.totalCount, 6);
    // the org, the page with its counts, the page's users.
    assert.equal(all.statements, AUTH + 3);

    const first = await orgCompliance({ first: 2 });
    assert.deepEqual(first.value.nodes.map((p) => p.user.username), ['amy', 'ben']);
    assert.equal(first.statements, all.statements, 'the statement count does not grow with the page size');
    const rest = await orgCompliance({ first: 10, after: first.value.pageInfo.endCursor });
    assert.deepEqual(rest.value.nodes.map((p) => p.user.username), ['cat', 'dev', 'eve', 'fay']);
    assert.equal(rest.value.pageInfo.hasNextPage, false);

    const overdue = await orgCompliance({ first: 10, state: 'OVERDUE' });
    assert.deepEqual([overdue.value.nodes.map((p) => p.user.username), overdue.value.totalCount, overdue.value.counts.total], [['fay'], 1, 6]);
    const none = await orgCompliance({ first: 10, state: 'MET', after: first.value.pageInfo.endCursor });
    assert.deepEqual([none.value.nodes, none.value.counts.met], [[], 1]);
    assert.equal(none.statements, AUTH + 3, 'an empty page: the org, the page, then the counts on their own');
  });

  it('follows requirements as they are removed', async () => {
    const list = await app.gql<{ learningRequirements: { nodes: { id: string; target: string }[] } }, unknown>(`{ learningRequirements(first: 10) { nodes { id target } } }`);
    const role = ok(list).learningRequirements.nodes.find((r) => r.target === 'ROLE');
    assert.ok(role);
    ok(await app.gql(`mutation($id: ID!) { removeLearningRequirement(id: $id) }`, { id: role.id }, { role: ApiRole.INTEGRATOR }));
    const after = await orgCompliance({ first: 10, state: 'MET' });
    assert.deepEqual(after.value.nodes.map((p) => p.user.username), ['amy', 'fay']);
    assert.equal(after.value.counts.overdue, 0);
  });
});
