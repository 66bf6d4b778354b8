import type { QueryRunner } from 'typeorm';

/**
 * Recomputes the system's column discovery from what is stored: per table and column, the
 * narrowest type every filled value fits, and how many rows fill it. Done in SQL after every
 * import so it never drifts from the rows.
 */
export async function refreshColumnStats(qr: QueryRunner, system: string): Promise<void> {
  await qr.query(`delete from edreflect_column where system = $1`, [system]);
  await qr.query(
    `insert into edreflect_column (system, table_name, column_name, inferred_type, filled, row_count)
     select $1, r.table_name, kv.key,
       case
         when count(*) filter (where kv.value <> '') = 0 then 'empty'
         when bool_and(kv.value ~ '^-?[0-9]+$') filter (where kv.value <> '') then 'integer'
         when bool_and(kv.value ~ '^-?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$') filter (where kv.value <> '') then 'number'
         when bool_and(kv.value ~* '^(true|false)$') filter (where kv.value <> '') then 'boolean'
         when bool_and(kv.value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$') filter (where kv.value <> '') then 'date'
         when bool_and(kv.value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}') filter (where kv.value <> '') then 'timestamp'
         else 'text'
       end,
       count(*) filter (where kv.value <> '')::int,
       t.n
     from edreflect_row r
     cross join lateral jsonb_each_text(r."values") kv
     join (select table_name, count(*)::int as n from edreflect_row where system = $1 group by table_name) t on t.table_name = r.table_name
     where r.system = $1
     group by r.table_name, kv.key, t.n`,
    [system],
  );
}
