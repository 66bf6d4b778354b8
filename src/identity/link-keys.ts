import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { queryRows } from '../db/query-rows';
import { DomainError, notFound } from '../shared/domain-error';
import type { PersonReference } from './person-reference';
import { rematch } from './rematch';

export interface CreatedLinkKey {
  /** Shown once; only its hash is stored. */
  readonly key: string;
  readonly userId: string;
  readonly expiresAt: Date;
}

const hash = (key: string): Buffer => createHash('sha256').update(key.trim(), 'utf8').digest();

export const MAX_LINK_KEY_MINUTES = 60 * 24 * 90;

/**
 * Per-account linking: a user is given a one-time key, logs in to the outside system once and
 * hands it the key; that system redeems it with the account's id, and from then on every
 * record of that account is the user's. Keys are 24 random bytes (nothing to guess), expire,
 * and work once.
 */
export class LinkKeys {
  constructor(
    private readonly db: DataSource,
    private readonly references: readonly PersonReference[],
  ) {}

  async create(userId: string, minutes: number, createdByKeyId: string | null): Promise<CreatedLinkKey> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_LINK_KEY_MINUTES) {
      throw new DomainError('BAD_USER_INPUT', `expiresInMinutes must be 1-${MAX_LINK_KEY_MINUTES}`, { field: 'expiresInMinutes' });
    }
    const key = `lk_${randomBytes(24).toString('base64url')}`;
    const rows = await queryRows<{ expires_at: Date }>(
      this.db,
      `insert into link_key (user_id, key_hash, expires_at, created_by_key_id)
       select u.id, $2, now() + make_interval(mins => $3), $4 from roster_user u where u.id = $1
       returning expires_at`,
      [userId, hash(key), minutes, createdByKeyId],
    );
    const row = rows[0];
    if (!row) throw notFound('User', userId);
    return { key, userId, expiresAt: row.expires_at };
  }

  /**
   * Ties `(system, externalId)` to the key's user and matches that account's persons again, in
   * one transaction. The same account linked again to the same user is accepted; to another
   * user it is a CONFLICT (an account is one person). An unknown, used or expired key is
   * refused without saying which, so keys cannot be probed.
   */
  async redeem(key: string, system: string, externalId: string): Promise<ExternalAccountRow> {
    const sys = system.trim();
    const id = externalId.trim();
    if (sys === '' || id === '') throw new DomainError('BAD_USER_INPUT', 'externalSystem and externalId must not be empty');
    return this.db.transaction(async (tx) => {
      const [link] = await queryRows<{ id: string; user_id: string }>(
        tx,
        `select id, user_id from link_key where key_hash = $1 and used_at is null and expires_at > now() for update`,
        [hash(key)],
      );
      if (!link) throw new DomainError('BAD_USER_INPUT', 'The link key is unknown, already used or expired', { field: 'key' });
      await tx.query(`insert into external_account (system, external_id, user_id) values ($1, $2, $3) on conflict (system, external_id) do nothing`, [
        sys,
        id,
        link.user_id,
      ]);
      const [account] = await queryRows<ExternalAccountRow>(tx, `select ${ACCOUNT_COLUMNS} from external_account a where a.system = $1 and a.external_id = $2`, [sys, id]);
      if (!account) throw new Error('the external account vanished inside its transaction');
      if (account.user_id !== link.user_id) {
        throw new DomainError('CONFLICT', 'That account is already linked to another user; nothing was changed', { field: 'externalId' });
      }
      await tx.query(`update link_key set used_at = now(), account_id = $2 where id = $1`, [link.id, account.id]);
      await rematch(tx, `select id from external_person where system = $1 and account_id = $2`, [sys, id], this.references);
      return account;
    });
  }
}

export interface ExternalAccountRow {
  readonly id: string;
  readonly system: string;
  readonly external_id: string;
  readonly user_id: string;
  readonly linked_at: Date;
}

export const ACCOUNT_COLUMNS = 'a.id, a.system, a.external_id, a.user_id, a.linked_at';
