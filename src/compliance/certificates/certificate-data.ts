import type { Queryable } from '../../graphql/relay/keyset';

/** What a certificate says. */
export interface CertificateData {
  readonly recordId: string;
  readonly person: string;
  readonly item: string;
  readonly completedAt: Date;
  /** numeric as text, as stored. */
  readonly score: string | null;
  readonly validUntil: Date | null;
  /** The top of the holder's org tree (from their primary org, else their first live role's org). */
  readonly issuer: string | null;
}

/** A completion's certificate data, or null when the record does not exist or is not a completion. */
export async function certificateData(db: Queryable, recordId: string): Promise<CertificateData | null> {
  const rows = (await db.query(
    `with recursive holder as (
       select r.id, r.user_id, r.item_id, r.completed_at, r.valid_until, r.score::text as score,
              coalesce(u.primary_org_id, (select ro.org_id from role ro where ro.user_id = u.id and ro.deleted_at is null order by ro.id limit 1)) as org_id,
              trim(coalesce(u.preferred_given_name, u.given_name) || ' ' || u.family_name) as person
         from learning_record r join roster_user u on u.id = r.user_id
        where r.id = $1 and r.completed_at is not null
     ),
     up(id, parent_id, name, depth) as (
       select o.id, o.parent_id, o.name, 0 from org o join holder h on o.id = h.org_id
       union all
       select o.id, o.parent_id, o.name, up.depth + 1 from org o join up on o.id = up.parent_id where up.depth < 50
     )
     select h.id::text as "recordId", h.person, i.name as item, h.completed_at as "completedAt", h.score, h.valid_until as "validUntil",
            (select name from up order by depth desc limit 1) as issuer
       from holder h join learning_item i on i.id = h.item_id`,
    [recordId],
  )) as CertificateData[];
  return rows[0] ?? null;
}
