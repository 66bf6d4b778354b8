import type { RosterFactory } from '../factories/roster.factory';
import type { TestApp } from '../support/app';

/** A roster user with the identifiers an EdReflect user may match (email, staff number). */
export async function rosterUser(f: RosterFactory, seed: { username: string; email?: string; identifier?: string }): Promise<string> {
  const u = await f.user({ username: seed.username, email: seed.email ?? null, identifier: seed.identifier ?? null });
  await f.identifiers([
    { userId: u.id, kind: 'username', value: seed.username },
    ...(seed.email ? [{ userId: u.id, kind: 'email', value: seed.email }] : []),
    ...(seed.identifier ? [{ userId: u.id, kind: 'identifier', value: seed.identifier }] : []),
  ]);
  return u.id;
}

export interface PersonView {
  readonly account_id: string;
  readonly user_id: string | null;
  readonly status: string;
  readonly method: string | null;
}

/** The persons of an EdReflect system by EdReflect user id. */
export async function personsOf(app: TestApp, system: string): Promise<Map<string, PersonView>> {
  const rows = (await app.db.dataSource.query(
    `select account_id, user_id::text, status, method from external_person where system = $1 order by account_id`,
    [`edreflect:${system}`],
  )) as PersonView[];
  return new Map(rows.map((r) => [r.account_id, r]));
}
