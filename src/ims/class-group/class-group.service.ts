import type { DataSource } from 'typeorm';
import { toGlobalId } from '../../graphql/relay/global-id';
import { ClassGroup } from './class-group.type';

interface Row {
  id: string;
  name: string;
  system: string;
  deleted_at: Date | null;
  created_at: Date;
  member_ids: string[];
}

/** The groups of one class with their current members, in one statement, ordered by name. */
export async function classGroupsOf(db: DataSource, classId: string, includeDeleted: boolean): Promise<ClassGroup[]> {
  const rows = (await db.query(
    `select g.id, g.name, g.system, g.deleted_at, g.created_at,
            coalesce(array_agg(m.user_id order by m.user_id) filter (where m.user_id is not null), '{}') as member_ids
       from class_group g
       left join class_group_member m on m.group_id = g.id and m.deleted_at is null
      where g.class_id = $1 and ($2::boolean or g.deleted_at is null)
      group by g.id order by g.name, g.id`,
    [classId, includeDeleted],
  )) as Row[];
  return rows.map((r) =>
    Object.assign(new ClassGroup(), {
      id: toGlobalId('ClassGroup', r.id),
      name: r.name,
      system: r.system,
      memberCount: r.member_ids.length,
      memberIds: r.member_ids.map((id) => toGlobalId('User', String(id))),
      deletedAt: r.deleted_at,
      createdAt: r.created_at,
    }),
  );
}
