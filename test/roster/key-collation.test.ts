import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RosterFactory } from '../factories/roster.factory';
import { startTestApp, type TestApp } from '../support/app';
import { gid } from './helpers';
import { walk } from './paging';

const SYSTEM = 'bytes-sis';
/** Orders that differ between byte order and a linguistic collation: case, accents, punctuation, digits. */
const KEYS = ['b', 'B', 'a', 'é', 'Z', '_x', 'a-b', 'ab', 'A b', '10', '9', 'É', 'z'];
const byteOrder = (keys: readonly string[]): string[] => [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));

describe('roster: key columns in byte order', () => {
  let app: TestApp;
  const sourcedIdOf = new Map<string, string>();

  before(async () => {
    app = await startTestApp({ workerConcurrency: 0 });
    const f = new RosterFactory(app.db.dataSource, SYSTEM);
    for (const u of await f.users(KEYS.length, (i) => ({ sourcedId: KEYS[i]! }))) sourcedIdOf.set(gid('User', u.id), u.sourcedId);
    for (const o of await f.orgs(KEYS.length, (i) => ({ sourcedId: KEYS[i]! }))) sourcedIdOf.set(gid('Org', o.id), o.sourcedId);
  });
  after(() => app.close());

  it('holds every sourcedId, sourcedId reference and user identifier key in the "C" collation', async () => {
    const columns = [
      ...['org', 'academic_session', 'course', 'class', 'roster_user', 'user_profile', 'role', 'enrollment', 'demographics'].map((t) => `${t}.sourced_id`),
      'role.user_profile',
      ...['kind', 'namespace', 'value', 'normalized'].map((c) => `user_identifier.${c}`),
    ];
    const rows = (await app.db.dataSource.query(
      `select c.relname || '.' || a.attname as col, coll.collname
         from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_collation coll on coll.oid = a.attcollation
        where c.relnamespace = 'public'::regnamespace and c.relname || '.' || a.attname = any($1::text[])
        order by 1`,
      [columns],
    )) as { col: string; collname: string }[];
    assert.deepEqual(rows, [...columns].sort().map((col) => ({ col, collname: 'C' })));
  });

  for (const [field, type] of [
    ['users', 'User'],
    ['orgs', 'Org'],
  ] as const) {
    it(`pages ${field} ordered by SOURCED_ID_ASC in byte order, forwards and backwards`, async () => {
      const args = `filter: { system: "${SYSTEM}" }, orderBy: SOURCED_ID_ASC`;
      for (const direction of ['forward', 'backward'] as const) {
        const ids = await walk(app, field, args, direction, { size: 3 });
        assert.ok(ids.every((id) => id.length > 0 && sourcedIdOf.has(id)), `${type} ids come from the fixture`);
        assert.deepEqual(
          ids.map((id) => sourcedIdOf.get(id)),
          byteOrder(KEYS),
          direction,
        );
      }
    });
  }
});
