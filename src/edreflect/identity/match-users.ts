import type { QueryRunner } from 'typeorm';
import type { IdentityMapping, IdentityService, MatchSummary } from '../../identity';
import { warning, type Diagnostic } from '../../ingest';
import { EDREFLECT_ACCOUNT_FIELD, personSystemOf } from './edreflect-identity';

const NOBODY: MatchSummary = { persons: 0, matched: 0, unmatched: 0, ambiguous: 0, created: 0 };

/**
 * Makes every stored EdReflect user of the system an outside person of `edreflect:<system>`
 * and matches it to a roster user by the mapping's rules, inside the import transaction.
 * All stored users take part, not only the ones this export sent: rules may have changed since
 * the last import, and matching a person whose values did not change writes nothing. Persons
 * whose EdReflect user is no longer stored are removed (manual links excepted), so the
 * unmatched queue holds only people the product still has. Users that arrive in the roster
 * later are matched by `rematchUnmatched`, which every roster import runs.
 */
export async function matchEdReflectUsers(
  qr: QueryRunner,
  identity: IdentityService,
  system: string,
  mapping: IdentityMapping,
  issue: (d: Diagnostic) => void,
): Promise<MatchSummary> {
  const personSystem = personSystemOf(system);
  const sent = (await qr.query(`select distinct jsonb_object_keys(vals) as k from edreflect_incoming where table_name = 'users'`)) as { k: string }[];
  if (sent.length > 0) {
    const header = new Set(sent.map((s) => s.k));
    const missing = mapping.rules.filter((r) => !header.has(r.field)).map((r) => r.field);
    if (missing.length === mapping.rules.length) {
      issue(warning('edreflect.identity.no_column', `users.csv has none of the identity columns (${missing.join(', ')}); EdReflect users cannot be matched to roster users`, { file: 'users.csv' }));
    }
  }

  // Each user's identifying values: the account id, then every rule's column, empty ones left out.
  const fields = mapping.rules.map((r) => r.field);
  await qr.query(`create temp table edreflect_people_in (values jsonb not null) on commit drop`);
  await qr.query(
    `insert into edreflect_people_in (values)
     select jsonb_strip_nulls(jsonb_build_object($2::text, r.row_id) || coalesce(
              (select jsonb_object_agg(f, nullif(btrim(r."values" ->> f), '')) from unnest($3::text[]) as f), '{}'::jsonb))
       from edreflect_row r where r.system = $1 and r.table_name = 'users'`,
    [system, EDREFLECT_ACCOUNT_FIELD, fields],
  );
  await qr.query(
    `delete from external_person p where p.system = $1 and p.method is distinct from 'MANUAL'
        and not exists (select 1 from edreflect_row r where r.system = $2 and r.table_name = 'users' and r.row_id = p.account_id)`,
    [personSystem, system],
  );
  const [any] = (await qr.query(`select exists (select 1 from edreflect_people_in) as any`)) as { any: boolean }[];
  if (!any?.any) return NOBODY;
  return identity.matchPeople(qr, { system: personSystem, mapping, candidates: `select values from edreflect_people_in`, into: 'edreflect_people' });
}
