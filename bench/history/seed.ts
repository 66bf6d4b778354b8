import type pg from 'pg';

/** The scale `npm run bench:history` seeds; BENCH_USERS / BENCH_RECORDS override. */
export interface Scale {
  readonly users: number;
  readonly records: number;
  readonly orgs: number;
  readonly classes: number;
  readonly items: number;
  readonly enrollmentsPerUser: number;
}

export const DEFAULT_SCALE: Scale = { users: 50_000, records: 2_000_000, orgs: 50, classes: 2_000, items: 500, enrollmentsPerUser: 2 };

/**
 * Seeds a migrated, empty database in set-based SQL (a few minutes for 2M records on two
 * cores): schools, courses, classes, users with identifiers and a role at one school, two
 * enrollments each, learning items (a fifth with a validity period), one matched LMS person
 * per user and `records / users` learning records each, of every kind, over three years.
 * Ids start at 1 in a fresh database, which the arithmetic relies on.
 */
export async function seed(client: pg.Client, s: Scale, log: (line: string) => void): Promise<void> {
  const step = async (label: string, text: string): Promise<void> => {
    const started = Date.now();
    await client.query(text);
    log(`  ${label.padEnd(28)} ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };
  await step('orgs', `insert into org (system, sourced_id, name, type) select 'bench', 'org-' || g, 'School ' || g, 'school' from generate_series(1, ${s.orgs}) g`);
  await step('courses', `insert into course (system, sourced_id, title, org_id) select 'bench', 'course-' || g, 'Course ' || g, 1 + g % ${s.orgs} from generate_series(1, ${s.classes / 10}) g`);
  await step(
    'classes',
    `insert into class (system, sourced_id, title, course_id, class_type, school_id)
     select 'bench', 'class-' || g, 'Class ' || g, 1 + g % ${s.classes / 10}, 'scheduled', 1 + g % ${s.orgs} from generate_series(1, ${s.classes}) g`,
  );
  await step(
    'users',
    `insert into roster_user (system, sourced_id, username, given_name, family_name, identifier, email)
     select 'bench', 'user-' || g, 'u' || g, 'Given' || g, 'Family' || g, 'S' || g, 'u' || g || '@example.org' from generate_series(1, ${s.users}) g`,
  );
  await step(
    'user identifiers',
    `insert into user_identifier (system, user_id, kind, namespace, value, normalized)
     select 'bench', g, k.kind, '', k.prefix || g, lower(k.prefix || g) from generate_series(1, ${s.users}) g,
            (values ('identifier', 'S'), ('username', 'u')) k(kind, prefix)`,
  );
  await step('roles', `insert into role (system, sourced_id, user_id, org_id, role_type, role) select 'bench', 'role-' || g, g, 1 + g % ${s.orgs}, 'primary', 'student' from generate_series(1, ${s.users}) g`);
  await step(
    'enrollments',
    `insert into enrollment (system, sourced_id, class_id, school_id, user_id, role, begin_date)
     select 'bench', 'enr-' || g, c, 1 + c % ${s.orgs}, 1 + (g - 1) % ${s.users}, 'student', date '2023-09-01' + (g % 700)
       from generate_series(1, ${s.users * s.enrollmentsPerUser}) g, lateral (select 1 + (g::bigint * 7919) % ${s.classes} as c) x`,
  );
  await step(
    'learning items',
    `insert into learning_item (system, kind, source_key, name, validity_months)
     select 'lms', k, 'Item ' || g, 'Item ' || g, case when g % 5 = 0 then 12 end
       from generate_series(1, ${s.items}) g,
            lateral (select (array['SCORM_PACKAGE','SCORM_PACKAGE','COURSE','QUIZ','FACE_TO_FACE_EVENT','PATHWAY'])[1 + g % 6] as k) x`,
  );
  await step(
    'lms persons',
    `insert into external_person (system, person_key, values, account_id, rules, user_id, status, method, matched_at)
     select 'lms', 'account:S' || g, jsonb_build_object('uniqueid', 'S' || g, 'username', 'u' || g), 'S' || g,
            '[{"field":"uniqueid","kinds":["identifier"]},{"field":"username","kinds":["username","email"]}]'::jsonb, g, 'MATCHED', 'IDENTIFIER', now()
       from generate_series(1, ${s.users}) g`,
  );
  await step(
    'learning records',
    `insert into learning_record (kind, system, person_id, user_id, item_id, record_key, status, status_text, score, attempt,
                                  occurred_at, completed_at, valid_until, as_of, details)
     select case i.kind when 'SCORM_PACKAGE' then 'SCORM_ATTEMPT' when 'COURSE' then 'COURSE_COMPLETION' when 'QUIZ' then 'QUIZ_ATTEMPT'
                        when 'FACE_TO_FACE_EVENT' then 'FACE_TO_FACE' else 'PATHWAY_COMPLETION' end,
            'lms', u, u, i.id, g::text, st, lower(st), case when i.kind in ('SCORM_PACKAGE', 'QUIZ') then (g * 37) % 101 end, 1,
            at, case when st in ('COMPLETED', 'PASSED', 'ATTENDED') then at end,
            case when st in ('COMPLETED', 'PASSED', 'ATTENDED') and i.validity_months is not null then at + make_interval(months => i.validity_months) end,
            at::date, '{}'::jsonb
       from generate_series(1, ${s.records}) g
       cross join lateral (select 1 + (g - 1) % ${s.users} as u, 1 + abs(hashint4(g)) % ${s.items} as item,
                                  now() - make_interval(mins => ((g::bigint * 2654435761) % (3 * 365 * 24 * 60))::integer) as at) x
       join learning_item i on i.id = x.item
       cross join lateral (select case when i.kind = 'FACE_TO_FACE_EVENT' then (array['BOOKED','ATTENDED','ATTENDED','NO_SHOW'])[1 + g % 4]
                                       when i.kind in ('SCORM_PACKAGE', 'QUIZ') then (array['PASSED','COMPLETED','FAILED','IN_PROGRESS'])[1 + g % 4]
                                       else 'COMPLETED' end as st) y`,
  );
  // A steady-state table has its visibility map set (autovacuum), which index-only scans need.
  await step('vacuum analyze', 'vacuum analyze');
}
