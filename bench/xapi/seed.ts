import type pg from 'pg';

/**
 * Seeds N statements straight into the LRS tables (statement, agent and activity link rows)
 * with set-based SQL, as the LRS would have stored them: AGENTS actors, 1,000 activities, one
 * stored time per statement spread over the last 30 days.
 */
export const AGENTS = 10_000;

export const agentMbox = (i: number): string => `mailto:learner${i % AGENTS}@bench.example.org`;

export async function seedStatements(client: pg.Client, count: number, credentialId: string): Promise<void> {
  const have = Number(((await client.query('select count(*)::int as n from xapi_statement')).rows[0] as { n: number }).n);
  if (have >= count) return;
  // Statements seeded here are not news for the learning-record feed: keep its queue out of it.
  const triggers = (await client.query(`select tgname from pg_trigger where tgrelid = 'xapi_statement'::regclass and not tgisinternal`)).rows as { tgname: string }[];
  for (const t of triggers) await client.query(`alter table xapi_statement disable trigger "${t.tgname}"`);
  const chunk = 100_000;
  for (let from = have; from < count; from += chunk) {
    const to = Math.min(count, from + chunk) - 1;
    await client.query('begin');
    await client.query(
      `insert into xapi_statement (statement_id, statement, stored, timestamp, verb_iri, registration, voided, is_voiding, credential_id)
       select gen_random_uuid(), jsonb_build_object(
                'actor', jsonb_build_object('objectType', 'Agent', 'name', 'Learner ' || (i % $3), 'mbox', 'mailto:learner' || (i % $3) || '@bench.example.org'),
                'verb', jsonb_build_object('id', 'http://adlnet.gov/expapi/verbs/completed', 'display', jsonb_build_object('en-US', 'completed')),
                'object', jsonb_build_object('objectType', 'Activity', 'id', 'http://bench.example.org/activity/' || (i % 1000),
                   'definition', jsonb_build_object('name', jsonb_build_object('en-US', 'Activity ' || (i % 1000)))),
                'result', jsonb_build_object('completion', true, 'score', jsonb_build_object('scaled', 0.8)),
                'version', '1.0.3'),
              now() - interval '30 days' + (i * interval '30 days' / $4),
              now() - interval '30 days' + (i * interval '30 days' / $4),
              'http://adlnet.gov/expapi/verbs/completed', null, false, false, $5
       from generate_series($1::int, $2::int) as i`,
      [from, to, AGENTS, count, credentialId],
    );
    // The statements just inserted are the ones with the highest keys; stamp ids into the JSON and link them.
    await client.query(
      `with s as (select id, statement from xapi_statement order by id desc limit $1)
       insert into xapi_statement_agent (statement_pk, ifi, usage) select id, 'mbox:' || (statement->'actor'->>'mbox'), 'actor' from s`,
      [to - from + 1],
    );
    await client.query(
      `with s as (select id, statement from xapi_statement order by id desc limit $1)
       insert into xapi_statement_activity (statement_pk, activity_iri, usage) select id, statement->'object'->>'id', 'object' from s`,
      [to - from + 1],
    );
    await client.query(
      `update xapi_statement set statement = statement || jsonb_build_object('id', statement_id, 'stored', stored, 'timestamp', timestamp)
       where id in (select id from xapi_statement order by id desc limit $1)`,
      [to - from + 1],
    );
    await client.query('commit');
    process.stdout.write(`  seeded ${to + 1} statements\n`);
  }
  for (const t of triggers) await client.query(`alter table xapi_statement enable trigger "${t.tgname}"`);
  await client.query('vacuum analyze xapi_statement, xapi_statement_agent, xapi_statement_activity');
}
