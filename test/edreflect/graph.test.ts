import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiRole } from '../../src/auth/role';
import { RosterFactory } from '../factories/roster.factory';
import { AUTH, errorCode, gid, ok, statements } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';
import { generateFullExport, writeExport } from './generator';
import { rosterUser } from './people';
import { COURSE_HEADERS, LmsFolder } from '../records/lms-files';
import { runLms } from '../records/lms-support';
import { importExport, tempDir } from './support';

interface Named {
  edReflectId: string;
  name: string | null;
}

describe('EdReflect typed graph: nodes, connections, users', () => {
  let app: TestApp;
  let ada: string;
  let grace: string;
  const full = generateFullExport();
  const rows = (table: string): Record<string, string>[] => full.get(table)?.rows ?? [];
  const [u0, u1] = rows('users').map((u) => u['id'] ?? '');
  const observations = rows('observations');
  const goals = rows('goals');
  const rowIdOf = async (table: string, edReflectId: string): Promise<string> =>
    String(((await app.db.dataSource.query(`select id from edreflect_row where table_name = $1 and row_id = $2`, [table, edReflectId])) as { id: string }[])[0]?.id);
  const gql = <T>(query: string, variables: Record<string, unknown> = {}) => app.gql<T, Record<string, unknown>>(query, variables, { role: ApiRole.READER });

  before(async () => {
    app = await startTestApp();
    const f = new RosterFactory(app.db.dataSource);
    ada = await rosterUser(f, { username: 'ada', email: 'teacher1@district.example.org' });
    grace = await rosterUser(f, { username: 'grace', email: 'teacher2@district.example.org' });
    const outcome = await importExport(app, { path: writeExport(tempDir('graph'), full) });
    assert.equal(outcome.status, 'SUCCEEDED', outcome.failureMessage ?? outcome.issues.join('\n'));
  });
  const lmsFiles = new LmsFolder('edreflect-history');
  after(async () => {
    lmsFiles.remove();
    await app?.close();
  });

  it('lists observations with their people, rubric, work, evaluations and indicator ratings, one statement per level', async () => {
    const res = await gql<{
      edReflectObservations: {
        totalCount: number;
        nodes: (Named & {
          observedAt: string;
          score: number;
          isPublished: boolean;
          observer: { edReflectId: string; user: { id: string } | null };
          learner: { edReflectId: string; match: { status: string } };
          rubric: { name: string; indicators: { level: number; children: { level: number }[] }[] };
          work: { nodes: { table: string; modelId: string }[] };
          evaluations: { totalCount: number };
          indicatorRatings: { nodes: { table: string; values: Record<string, string>; indicator: { table: string; name: string } | null }[] };
        })[];
      };
    }>(`{ edReflectObservations(first: 10) { totalCount nodes {
          edReflectId name observedAt score isPublished
          observer { edReflectId user { id } } learner { edReflectId match { status } }
          rubric { name indicators { level children { level } } }
          work(first: 10) { nodes { table modelId } } evaluations(first: 1) { totalCount }
          indicatorRatings(first: 10) { nodes { table values indicator { table name } } } } } }`);
    const list = ok(res).edReflectObservations;
    assert.equal(list.totalCount, 3);
    const first = list.nodes[0];
    assert.ok(first);
    assert.deepEqual(
      [first.edReflectId, first.name, first.observedAt, first.score, first.isPublished],
      [observations[0]?.['id'], 'observations 1', observations[0]?.['observedAt'], 2, true],
    );
    assert.deepEqual([first.observer.edReflectId, first.observer.user?.id, first.learner.edReflectId, first.learner.match.status], [u0, gid('User', ada), u1, 'MATCHED']);
    assert.equal(first.rubric.name, 'rubrics 1');
    assert.deepEqual(first.rubric.indicators.map((i) => [i.level, i.children.map((c) => c.level)]), [[1, [2, 2]], [1, [2, 2]]]);
    assert.deepEqual(first.work.nodes.map((w) => [w.table, w.modelId]), [['observations.work', first.edReflectId], ['observations.work', first.edReflectId]]);
    assert.equal(first.evaluations.totalCount, 4);
    assert.equal(first.indicatorRatings.nodes.length, 4);
    assert.ok(first.indicatorRatings.nodes.every((n) => n.table === 'observations.work.evaluations.indicators' && n.values['observationId'] === first.edReflectId));
    // Each rating names the rubric domain it rates.
    const domains = new Map(rows('rubrics.indicators').map((d) => [d['id'], d['name']]));
    assert.deepEqual(first.indicatorRatings.nodes.map((n) => n.indicator), first.indicatorRatings.nodes.map((n) => ({ table: 'rubrics.indicators', name: domains.get(n.values['indicatorId']) })));
    // page + count, users (observers and learners in one batch), persons, roster users, rubrics (3),
    // work, evaluations + their count, indicator ratings, the indicators they rate.
    assert.equal(statements(res), AUTH + 2 + 1 + 1 + 1 + 3 + 1 + 2 + 1 + 1);
  });

  it("shows a roster user's EdReflect accounts, observations (observed and made) and goals, batched over users", async () => {
    const res = await gql<{
      nodes: {
        edReflectUsers: { edReflectId: string }[];
        edReflectObservations: { nodes: Named[] };
        made: { nodes: Named[] };
        edReflectGoals: { nodes: (Named & { progress: number; dueDate: string; owner: { edReflectId: string }; comments: { totalCount: number }; posts: { nodes: unknown[] }; alignedIndicators: { nodes: unknown[] } })[] };
      }[];
    }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on User {
          edReflectUsers { edReflectId }
          edReflectObservations(first: 5) { nodes { edReflectId name } }
          made: edReflectObservations(role: OBSERVER, first: 5) { nodes { edReflectId name } }
          edReflectGoals(first: 5) { nodes { edReflectId name progress dueDate owner { edReflectId } comments(first: 1) { totalCount } posts(first: 5) { nodes { edReflectId } } alignedIndicators(first: 5) { nodes { edReflectId } } } } } } }`,
      { ids: [gid('User', ada), gid('User', grace)] },
    );
    const [a, g] = ok(res).nodes;
    assert.ok(a && g);
    assert.deepEqual([a.edReflectUsers, g.edReflectUsers], [[{ edReflectId: u0 }], [{ edReflectId: u1 }]]);
    // Observation i is made by user i about user i + 1.
    assert.deepEqual(a.edReflectObservations.nodes, []);
    assert.deepEqual(a.made.nodes.map((n) => n.edReflectId), [observations[0]?.['id']]);
    assert.deepEqual(g.edReflectObservations.nodes.map((n) => n.edReflectId), [observations[0]?.['id']]);
    assert.deepEqual(g.made.nodes.map((n) => n.edReflectId), [observations[1]?.['id']]);
    const goal = g.edReflectGoals.nodes[0];
    assert.deepEqual([g.edReflectGoals.nodes.length, goal?.edReflectId, goal?.name, goal?.progress, goal?.dueDate, goal?.owner.edReflectId], [1, goals[1]?.['id'], goals[1]?.['title'], 17, '2024-06-11', u1]);
    assert.deepEqual([goal?.comments.totalCount, goal?.posts.nodes.length, goal?.alignedIndicators.nodes.length], [2, 2, 2]);
    // Roster users, their EdReflect users, observed, made, goals, owners, comments (page + count), posts, aligned indicators.
    assert.equal(statements(res), AUTH + 10);
  });

  it('filters lists by roster user, EdReflect user, match and name, and refetches every type by id', async () => {
    const lists = ['edReflectUsers', 'edReflectObservations', 'edReflectGoals', 'edReflectObservationTemplates', 'edReflectEvidences', 'edReflectArtifacts', 'edReflectRatings', 'edReflectSlos', 'edReflectSnapshots', 'edReflectAssignments', 'edReflectGroups'];
    const all = await gql<Record<string, { totalCount: number; nodes: { id: string; __typename: string }[] }>>(`{ ${lists.map((l) => `${l}(first: 1) { totalCount nodes { id __typename } }`).join(' ')} }`);
    const data = ok(all);
    assert.deepEqual(lists.map((l) => data[l]?.totalCount), [6, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
    assert.equal(statements(all), AUTH + 2 * lists.length);
    const ids = lists.map((l) => data[l]?.nodes[0]?.id as string);
    const rubric = ok(await gql<{ edReflectRubrics: { id: string }[] }>(`{ edReflectRubrics { id } }`)).edReflectRubrics[0]?.id as string;
    const again = await gql<{ nodes: ({ __typename: string; id: string; edReflectId?: string; createdBy?: { edReflectId: string } } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on EdReflectRecord { edReflectId } ... on EdReflectArtifact { createdBy { edReflectId } } ... on EdReflectRubric { name } } }`,
      { ids: [...ids, rubric] },
    );
    const nodes = ok(again).nodes;
    assert.deepEqual(nodes.map((n) => n?.__typename), [...lists.map((l) => data[l]?.nodes[0]?.__typename), 'EdReflectRubric']);
    assert.deepEqual(nodes.map((n) => n?.id), [...ids, rubric]);
    assert.equal(nodes[5]?.createdBy?.edReflectId, u0);
    // Rows by id, the artifact's author, the rubric tree (3).
    assert.equal(statements(again), AUTH + 1 + 1 + 3);

    const filtered = await gql<Record<string, { nodes: Named[] }>>(
      `query($user: ID!, $eu: ID!) {
         mine: edReflectObservations(filter: { user: $user }) { nodes { edReflectId name } }
         named: edReflectObservations(filter: { edReflectUser: $eu }) { nodes { edReflectId name } }
         waiting: edReflectUsers(filter: { matched: false }) { nodes { edReflectId name } }
         search: edReflectGoals(filter: { search: "GOALS 3, PART" }) { nodes { edReflectId name } } }`,
      { user: gid('User', grace), eu: data['edReflectUsers']?.nodes[0]?.id },
    );
    const f = ok(filtered);
    assert.deepEqual(f['mine']?.nodes.map((n) => n.edReflectId), [observations[0]?.['id'], observations[1]?.['id']]);
    assert.deepEqual(f['named']?.nodes.map((n) => n.edReflectId), [observations[0]?.['id']]);
    assert.deepEqual(f['waiting']?.nodes.map((n) => n.edReflectId), rows('users').slice(2).map((u) => u['id']));
    assert.deepEqual(f['search']?.nodes.map((n) => n.name), [goals[2]?.['title']]);
    assert.equal(statements(filtered), AUTH + 4);
  });

  it('walks nested rows by parent, pages with cursors, and refuses tables of another group', async () => {
    const res = await gql<{ edReflectObservations: { nodes: { work: { nodes: { edReflectId: string; children: { nodes: { parentId: string; table: string }[] } }[] } }[] } }>(
      `{ edReflectObservations(first: 3) { nodes { work(first: 5) { nodes { edReflectId children(table: "observations.work.evaluations", first: 5) { nodes { parentId table } } } } } } }`,
    );
    const works = ok(res).edReflectObservations.nodes.flatMap((o) => o.work.nodes);
    assert.equal(works.length, 6);
    for (const w of works) assert.deepEqual(w.children.nodes.map((c) => [c.parentId, c.table]), [[w.edReflectId, 'observations.work.evaluations'], [w.edReflectId, 'observations.work.evaluations']]);
    assert.equal(statements(res), AUTH + 3);

    const page1 = ok(await gql<{ edReflectUsers: { pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: Named[] } }>(`{ edReflectUsers(first: 4) { pageInfo { endCursor hasNextPage } nodes { edReflectId } } }`)).edReflectUsers;
    const page2 = ok(await gql<{ edReflectUsers: { pageInfo: { hasNextPage: boolean }; nodes: Named[] } }>(`query($after: String) { edReflectUsers(first: 4, after: $after) { pageInfo { hasNextPage } nodes { edReflectId } } }`, { after: page1.pageInfo.endCursor })).edReflectUsers;
    assert.deepEqual([page1.pageInfo.hasNextPage, page2.pageInfo.hasNextPage], [true, false]);
    assert.deepEqual([...page1.nodes, ...page2.nodes].map((n) => n.edReflectId), rows('users').map((u) => u['id']));

    const wrong = await gql(`{ edReflectGoals(first: 1) { nodes { rows(table: "observations.work") { totalCount } } } }`);
    assert.equal(errorCode(wrong), 'BAD_USER_INPUT');
    const roles = ok(await gql<{ edReflectUsers: { nodes: { rows: { totalCount: number } }[] } }>(`{ edReflectUsers(first: 1) { nodes { rows(table: "users.roles", first: 1) { totalCount } } } }`));
    assert.equal(roles.edReflectUsers.nodes[0]?.rows.totalCount, 2);
  });

  it("puts a person's observations and goals on their learning history next to their training records, newest first, in one statement a page", async () => {
    interface Entry {
      __typename: string;
      id: string;
      kind: string;
      source: string;
      title: string;
      status: string;
      occurredAt: string;
      completedAt: string | null;
      score: number | null;
      observation?: { edReflectId: string; learner: { edReflectId: string } };
      dueDate?: string;
      progress?: number;
      goal?: { edReflectId: string };
    }
    // A training record of the same person from the LMS, the day the observation took place.
    const lms = await runLms(app, { path: lmsFiles.write('Completion20240101', COURSE_HEADERS, [['grace', 'S-77', '2024-01-01', 'Classroom management']]) });
    assert.equal(lms.job.status, 'SUCCEEDED', lms.job.failureMessage ?? JSON.stringify(lms.issues));
    const res = await gql<{ node: { learningHistory: { totalCount: number; nodes: Entry[] }; goalsOnly: { nodes: { kind: string }[] } } }>(
      `query($id: ID!) { node(id: $id) { ... on User {
          learningHistory(first: 10) { totalCount nodes { __typename id kind source title status occurredAt completedAt score
            ... on EdReflectObservationEntry { observation { edReflectId learner { edReflectId } } }
            ... on EdReflectGoalEntry { dueDate progress goal { edReflectId } } } }
          goalsOnly: learningHistory(first: 10, kinds: [EDREFLECT_GOAL]) { nodes { kind } } } } }`,
      { id: gid('User', grace) },
    );
    const { learningHistory, goalsOnly } = ok(res).node;
    const [observation, goal] = [observations[0] ?? {}, goals[1] ?? {}];
    assert.equal(learningHistory.totalCount, 3);
    assert.deepEqual(learningHistory.nodes.map((n) => [n.kind, n.title]), [
      ['EDREFLECT_GOAL', goal['title']],
      ['EDREFLECT_OBSERVATION', observation['name']],
      ['COURSE_COMPLETION', 'Classroom management'],
    ]);
    assert.deepEqual(learningHistory.nodes.slice(0, 2), [
      {
        __typename: 'EdReflectGoalEntry', id: gid('EdReflectGoal', await rowIdOf('goals', goal['id'] ?? '')), kind: 'EDREFLECT_GOAL', source: 'edreflect:default',
        title: goal['title'], status: 'IN_PROGRESS', occurredAt: goal['createdAt'], completedAt: null, score: null,
        dueDate: goal['dueDate'], progress: 17, goal: { edReflectId: goal['id'] },
      },
      {
        __typename: 'EdReflectObservationEntry', id: gid('EdReflectObservation', await rowIdOf('observations', observation['id'] ?? '')), kind: 'EDREFLECT_OBSERVATION', source: 'edreflect:default',
        title: observation['name'], status: 'COMPLETED', occurredAt: observation['observedAt'], completedAt: observation['observedAt'], score: 2,
        observation: { edReflectId: observation['id'], learner: { edReflectId: u1 } },
      },
    ]);
    assert.deepEqual(goalsOnly.nodes, [{ kind: 'EDREFLECT_GOAL' }]);
    // The user, each timeline's page, the count, the observation and goal rows, their learner.
    assert.equal(statements(res), AUTH + 1 + 2 + 1 + 1 + 1);
  });
});
