import type pg from 'pg';

export interface ComplianceScale {
  readonly staff: number;
  readonly records: number;
  readonly wards: number;
  readonly requirements: number;
  /** Items that are not required (records of them are noise the queries must skip). */
  readonly otherItems: number;
}

/** 20k staff, 10 requirements, 2M records; BENCH_SCALE multiplies staff and records. */
export function complianceScale(factor: number): ComplianceScale {
  return { staff: Math.round(20_000 * factor), records: Math.round(2_000_000 * factor), wards: 20, requirements: 10, otherItems: 30 };
}

/**
 * Seeds a migrated, empty database in set-based SQL: one trust (org 1) with `wards` wards below
 * it, staff with a role at one ward, one matched LMS person each, items 1..N that are required
 * of the whole trust (odd ones recur every 12 months, even ones are due by a date), items
 * N+1..2N equivalent to them, other items, and `records / staff` completions per person over
 * three years (a tenth not achieved). Ids start at 1 in a fresh database, which the
 * arithmetic relies on.
 */
export async function seedCompliance(client: pg.Client, s: ComplianceScale, log: (line: string) => void): Promise<void> {
  const step = async (label: string, text: string): Promise<void> => {
    const started = Date.now();
    await client.query(text);
    log(`  ${label.padEnd(24)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  const items = 2 * s.requirements + s.otherItems;
  await step(
    'orgs',
    `insert into org (system, sourced_id, name, type, parent_id)
     select 'bench', 'org-' || g, case when g = 1 then 'Trust' else 'Ward ' || g end, case when g = 1 then 'district' else 'school' end, case when g = 1 then null else 1 end
       from generate_series(1, ${s.wards + 1}) g`,
  );
  await step(
    'staff',
    `insert into roster_user (system, sourced_id, username, given_name, family_name, identifier, email)
     select 'bench', 'user-' || g, 'u' || g, 'Given' || g, 'Family' || lpad((g % 9973)::text, 4, '0'), 'S' || g, 'u' || g || '@example.org'
       from generate_series(1, ${s.staff}) g`,
  );
  await step('roles', `insert into role (system, sourced_id, user_id, org_id, role_type, role) select 'bench', 'role-' || g, g, 2 + g % ${s.wards}, 'primary', 'staff' from generate_series(1, ${s.staff}) g`);
  await step(
    'items',
    `insert into learning_item (system, kind, source_key, name, validity_months)
     select 'lms', 'COURSE', 'Item ' || g, 'Item ' || g, case when g % 3 = 0 then 24 end from generate_series(1, ${items}) g`,
  );
  await step(
    'equivalences',
    `insert into learning_item_equivalence (item_id, equivalent_item_id) select g, g + ${s.requirements} from generate_series(1, ${s.requirements}) g`,
  );
  await step(
    'requirements',
    `insert into learning_requirement (item_id, target, org_id, due_on, valid_months)
     select g, 'ORG', 1, case when g % 2 = 0 then current_date - 30 end, case when g % 2 = 1 then 12 end from generate_series(1, ${s.requirements}) g`,
  );
  await step(
    'lms persons',
    `insert into external_person (system, person_key, values, account_id, rules, user_id, status, method, matched_at)
     select 'lms', 'account:S' || g, jsonb_build_object('uniqueid', 'S' || g), 'S' || g, '[{"field":"uniqueid","kinds":["identifier"]}]'::jsonb, g, 'MATCHED', 'IDENTIFIER', now()
       from generate_series(1, ${s.staff}) g`,
  );
  await step(
    'learning records',
    `insert into learning_record (kind, system, person_id, user_id, item_id, record_key, status, status_text, occurred_at, completed_at, valid_until, as_of)
     select 'COURSE_COMPLETION', 'lms', u, u, item, g::text, st, lower(st), at, case when st = 'COMPLETED' then at end,
            case when st = 'COMPLETED' and item % 3 = 0 then at + interval '24 months' end, at::date
       from generate_series(1, ${s.records}) g
       cross join lateral (select 1 + (g - 1) % ${s.staff} as u, 1 + abs(hashint4(g)) % ${items} as item,
                                  now() - make_interval(mins => ((g::bigint * 2654435761) % (3 * 365 * 24 * 60))::integer) as at,
                                  case when g % 10 = 0 then 'IN_PROGRESS' else 'COMPLETED' end as st) x`,
  );
  await step('vacuum analyze', 'vacuum analyze');
}
