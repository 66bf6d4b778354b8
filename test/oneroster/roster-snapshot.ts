import type { DataSource } from 'typeorm';

/** Each roster table, and the id columns that point at another roster table. */
const TABLES: Record<string, Record<string, string>> = {
  org: { parent_id: 'org' },
  academic_session: { parent_id: 'academic_session' },
  course: { school_year_id: 'academic_session', org_id: 'org' },
  class: { course_id: 'course', school_id: 'org' },
  class_term: { class_id: 'class', session_id: 'academic_session' },
  roster_user: { primary_org_id: 'org' },
  user_identifier: { user_id: 'roster_user' },
  agent: { user_id: 'roster_user', agent_user_id: 'roster_user' },
  user_profile: { user_id: 'roster_user' },
  role: { user_id: 'roster_user', org_id: 'org' },
  demographics: { user_id: 'roster_user' },
  enrollment: { class_id: 'class', school_id: 'org', user_id: 'roster_user' },
};

/** Link rows outlive a deleted owner in the tables; only a live owner's links are its data. */
const OWNERS: Record<string, string> = { class_term: 'class_id', user_identifier: 'user_id', agent: 'user_id' };

/**
 * One system's live roster as sorted JSON lines per table: every column except ids, the
 * system and timestamps, with references spelled as the referenced record's sourcedId. Two
 * systems holding the same data have equal snapshots, whatever their ids.
 */
export async function rosterSnapshot(db: DataSource, system: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [table, refs] of Object.entries(TABLES)) {
    const dropped = ['id', 'system', 'created_at', 'updated_at', ...Object.keys(refs)].map((c) => `'${c}'`).join(', ');
    const named = Object.entries(refs).map(([column, target]) => `'${column}', (select r.sourced_id from ${target} r where r.id = t.${column})`);
    const rows = (await db.query(
      `select ((to_jsonb(t) - array[${dropped}]) || jsonb_build_object(${named.join(', ')}))::text as row
         from ${table} t where t.system = $1 and t.deleted_at is null${owner(table, refs)}`,
      [system],
    )) as { row: string }[];
    out[table] = rows.map((r) => r.row).sort();
  }
  return out;
}

function owner(table: string, refs: Record<string, string>): string {
  const column = OWNERS[table];
  return column ? ` and exists (select 1 from ${refs[column]} o where o.id = t.${column} and o.deleted_at is null)` : '';
}
