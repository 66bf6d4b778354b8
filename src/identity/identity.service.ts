import type { DataSource } from 'typeorm';
import { queryRows } from '../db/query-rows';
import { raw, sql } from '../db/sql';
import type { ListQuery, Queryable } from '../graphql/relay/keyset';
import { DomainError, notFound } from '../shared/domain-error';
import type { IdentifierKind } from './identity-mapping';
import { type CreatedLinkKey, type ExternalAccountRow, LinkKeys } from './link-keys';
import { type MatchSummary, matchPeople, type PeopleToMatch } from './match-people';
import type { PersonReference } from './person-reference';
import { propagate, rematch, type RematchOutcome } from './rematch';

/** Kinds whose collisions matter by default: sourcedIds are per system, so equal ones in two systems are normal. */
const COLLISION_KINDS: readonly IdentifierKind[] = ['identifier', 'email', 'username', 'userId'];

/**
 * Matching outside people to users: the public face other domains and importers call. Every
 * method that changes a person's user also rewrites that person's rows in the referencing
 * tables it was built with (`learning_record`, ...), inside the caller's transaction.
 */
export class IdentityService {
  readonly linkKeys: LinkKeys;

  constructor(
    private readonly db: DataSource,
    private readonly references: readonly PersonReference[],
  ) {
    this.linkKeys = new LinkKeys(db, references);
  }

  /** See matchPeople: resolves an import's candidates to persons and users, set-based. */
  matchPeople(tx: Queryable, people: PeopleToMatch): Promise<MatchSummary> {
    return matchPeople(tx, people, this.references);
  }

  /**
   * Matches again every person nobody matched yet (or who was ambiguous). Importers that add
   * or change users (OneRoster, IMS) call it inside their transaction after applying users, so
   * records that waited for those users join them; it costs one statement when nobody waits.
   */
  rematchUnmatched(tx: Queryable): Promise<RematchOutcome> {
    return rematch(tx, `select id from external_person where user_id is null`, [], this.references);
  }

  /**
   * An integrator's decision: the person is this user, whatever identifiers say, from now on
   * (MANUAL links are never undone by automatic matching).
   */
  async linkPerson(personId: string, userId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const users = await queryRows<{ id: string }>(tx, `select id from roster_user where id = $1`, [userId]);
      if (users.length === 0) throw notFound('User', userId);
      const changed = await queryRows<{ id: string }>(
        tx,
        `update external_person set user_id = $2, status = 'MATCHED', method = 'MANUAL', candidate_user_ids = '{}', matched_at = now(), updated_at = now()
          where id = $1 returning id`,
        [personId, userId],
      );
      if (changed.length === 0) throw new DomainError('NOT_FOUND', `The record's person ${personId} does not exist`);
      await propagate(tx, [personId], this.references);
    });
  }

  createLinkKey(userId: string, minutes: number, createdByKeyId: string | null): Promise<CreatedLinkKey> {
    return this.linkKeys.create(userId, minutes, createdByKeyId);
  }

  redeemLinkKey(key: string, system: string, externalId: string): Promise<ExternalAccountRow> {
    return this.linkKeys.redeem(key, system, externalId);
  }

  /**
   * Identifiers that more than one live user claims (two users with one staff number): the
   * cases matching refuses to guess, listed so that someone fixes the source.
   */
  collisionsQuery(kinds: readonly IdentifierKind[] | null): ListQuery {
    const wanted = kinds?.length ? kinds : COLLISION_KINDS;
    return {
      key: `collisions:${[...wanted].sort().join(',')}`,
      select: raw('c.kind, c.normalized, c.user_ids'),
      from: sql`(select ui.kind, ui.normalized, array_agg(distinct ui.user_id order by ui.user_id) as user_ids
                   from user_identifier ui join roster_user u on u.id = ui.user_id and u.deleted_at is null
                  where ui.deleted_at is null and ui.kind = any(${[...wanted]}::text[])
                  group by ui.kind, ui.normalized having count(distinct ui.user_id) > 1) c`,
      where: [],
      order: [
        { expr: 'c.kind', direction: 'asc' },
        { expr: 'c.normalized', direction: 'asc' },
      ],
    };
  }
}
