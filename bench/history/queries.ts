/**
 * The two pages, as each server spells them. They ask for the same data where both graphs
 * have it; PostGraphile has no timeline across tables and no compliance computation, so its
 * documents read the nearest thing from the same tables (noted per query).
 */
export interface BenchQuery {
  readonly name: string;
  readonly label: string;
  readonly ours: string;
  readonly pgl: string;
  /** Variables for request n: another learner or org each time, so no cache helps. */
  readonly oursVars: (n: number) => Record<string, unknown>;
  readonly pglVars: (n: number) => Record<string, unknown>;
}

const userGid = (id: number): string => Buffer.from(`User:${id}`, 'utf8').toString('base64url');
const orgGid = (id: number): string => Buffer.from(`Org:${id}`, 'utf8').toString('base64url');

export function benchQueries(users: number, orgs: number): BenchQuery[] {
  // Request n asks for a learner (org) spread over all of them; the same n names the same one on both servers.
  const someUser = (n: number): number => 1 + ((n * 2654435761) % users);
  const someOrg = (n: number): number => 1 + ((n * 40503) % orgs);
  return [
    {
      name: 'learner',
      label: '(a) learner page: user, learningHistory(first: 50), enrollments { class { course } }',
      // PostGraphile: the user's learning records (newest first, with their item) and enrollments.
      ours: `query($id: ID!) { node(id: $id) { ... on User { givenName familyName
        learningHistory(first: 50) { nodes { __typename kind title status score occurredAt completedAt validUntil } }
        enrollments(first: 50) { nodes { role beginDate class { title course { title } } } } } } }`,
      pgl: `query($id: BigInt!) { rosterUser(rowId: $id) { givenName familyName
        learningRecordsByUserId(first: 50, orderBy: [OCCURRED_AT_DESC, ROW_ID_DESC]) { nodes { kind status score occurredAt completedAt validUntil item { name } } }
        enrollmentsByUserId(first: 50) { nodes { role beginDate class { title course { title } } } } } }`,
      oursVars: (n) => ({ id: userGid(someUser(n)) }),
      pglVars: (n) => ({ id: String(someUser(n)) }),
    },
    {
      name: 'compliance',
      label: '(b) org compliance page: 20 users of an org, compliance + learningHistory(first: 10)',
      // PostGraphile: 20 role holders of the org, each with records that carry a validity
      // (soonest expiry first) and the newest 10 records.
      ours: `query($org: ID!) { users(first: 20, filter: { orgId: $org }, orderBy: ID_ASC) { nodes { givenName familyName
        compliance(within: 30) { status expired expiring items { status validUntil item { name } } }
        learningHistory(first: 10) { nodes { __typename title status occurredAt validUntil } } } } }`,
      pgl: `query($org: BigInt!) { roles(first: 20, condition: { orgId: $org }, orderBy: USER_ID_ASC) { nodes { user { givenName familyName
        expiring: learningRecordsByUserId(filter: { validUntil: { isNull: false } }, orderBy: VALID_UNTIL_ASC) { nodes { status validUntil item { name } } }
        recent: learningRecordsByUserId(first: 10, orderBy: [OCCURRED_AT_DESC, ROW_ID_DESC]) { nodes { kind status occurredAt validUntil item { name } } } } } } }`,
      oursVars: (n) => ({ org: orgGid(someOrg(n)) }),
      pglVars: (n) => ({ org: String(someOrg(n)) }),
    },
  ];
}
