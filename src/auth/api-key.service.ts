import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DomainError } from '../shared/domain-error';
import { ApiKeyCache } from './api-key-cache';
import { ApiKeyEntity } from './api-key.entity';
import { ApiRole, parseRole } from './role';
import type { Viewer } from './viewer';

export interface CreatedKey {
  readonly key: string;
  readonly record: ApiKeyEntity;
}

/** Keys are 32 random bytes: a plain SHA-256 is enough to store them (no password stretching needed). */
const hash = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

/**
 * The key and, for a scoped key, its org subtree and the orgs above it, in one statement, so a
 * scoped request costs no more statements than an unscoped one. `union` (not `union all`)
 * ends the recursion on a parent cycle in bad source data.
 */
const AUTHENTICATE = `
  with recursive k as (
    select id, name, role, org_id from api_key where key_hash = $1 and revoked_at is null
  ), below(id) as (
    select org_id from k where org_id is not null
    union select o.id from org o join below b on o.parent_id = b.id
  ), above(id) as (
    select o.parent_id from k join org o on o.id = k.org_id where o.parent_id is not null
    union select o.parent_id from org o join above a on o.id = a.id where o.parent_id is not null
  )
  select k.id::text, k.name, k.role, k.org_id::text,
         array(select id::text from below) as below, array(select id::text from above) as above
    from k`;

interface AuthenticatedRow {
  readonly id: string;
  readonly name: string;
  readonly role: string;
  readonly org_id: string | null;
  readonly below: string[];
  readonly above: string[];
}

export class ApiKeyService {
  private readonly cache: ApiKeyCache;

  /** @param cacheSeconds how long a lookup is reused (see ApiKeyCache); 0 looks every key up every time. */
  constructor(
    private readonly db: DataSource,
    cacheSeconds = 0,
  ) {
    this.cache = new ApiKeyCache(cacheSeconds * 1000);
  }

  /**
   * @param orgId limits the key to that org and the orgs below it. Such a key is read-only: an
   *   import or source applies to the whole district (a bulk file replaces every school's records),
   *   and an admin key could mint unscoped keys.
   */
  async create(name: string, role: ApiRole, orgId: string | null = null): Promise<CreatedKey> {
    if (!name.trim()) throw new DomainError('BAD_USER_INPUT', 'A key needs a name');
    if (orgId !== null) {
      if (role !== ApiRole.READER) {
        throw new DomainError('BAD_USER_INPUT', 'A key scoped to an org must have the role READER: imports and sources change the whole district');
      }
      const [org] = (await this.db.query(`select id from org where id = $1`, [orgId])) as unknown[];
      if (!org) throw new DomainError('NOT_FOUND', `Org ${orgId} does not exist`, { id: orgId });
    }
    const key = `lg_${randomBytes(32).toString('base64url')}`;
    const repo = this.db.getRepository(ApiKeyEntity);
    const record = await repo.save(repo.create({ name: name.trim(), role, prefix: key.slice(0, 10), keyHash: hash(key), orgId }));
    // Its first request then needs no lookup either. A scoped key's subtree comes from the lookup itself.
    this.cache.set(record.keyHash, orgId === null ? { keyId: record.id, name: record.name, role, scope: null } : await this.lookUp(record.keyHash));
    return { key, record };
  }

  /** The viewer a bearer token stands for, or undefined when it is unknown or revoked. */
  async authenticate(key: string): Promise<Viewer | undefined> {
    const keyHash = hash(key);
    const cached = this.cache.get(keyHash);
    if (cached !== undefined) return cached ?? undefined;
    const viewer = await this.lookUp(keyHash);
    this.cache.set(keyHash, viewer);
    return viewer ?? undefined;
  }

  private async lookUp(keyHash: Buffer): Promise<Viewer | null> {
    const [row] = (await this.db.query(AUTHENTICATE, [keyHash])) as AuthenticatedRow[];
    if (!row) return null;
    const role = parseRole(row.role);
    if (!role) return null;
    const scope = row.org_id === null ? null : { orgId: row.org_id, orgIds: row.below, contextOrgIds: [...row.below, ...row.above] };
    return { keyId: row.id, name: row.name, role, scope };
  }

  async revoke(id: string): Promise<ApiKeyEntity> {
    const repo = this.db.getRepository(ApiKeyEntity);
    const record = await repo.findOneBy({ id });
    if (!record) throw new DomainError('NOT_FOUND', `API key ${id} does not exist`);
    if (!record.revokedAt) {
      record.revokedAt = new Date();
      await repo.save(record);
    }
    this.cache.forget(record.keyHash);
    return record;
  }

  async list(): Promise<ApiKeyEntity[]> {
    return this.db.getRepository(ApiKeyEntity).find({ order: { id: 'DESC' } });
  }

  async any(): Promise<boolean> {
    return (await this.db.getRepository(ApiKeyEntity).count()) > 0;
  }
}
