import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { IsNull } from 'typeorm';
import { DomainError } from '../shared/domain-error';
import { ApiKeyEntity } from './api-key.entity';
import { type ApiRole, parseRole } from './role';
import type { Viewer } from './viewer';

export interface CreatedKey {
  readonly key: string;
  readonly record: ApiKeyEntity;
}

/** Keys are 32 random bytes: a plain SHA-256 is enough to store them (no password stretching needed). */
const hash = (key: string): Buffer => createHash('sha256').update(key, 'utf8').digest();

export class ApiKeyService {
  constructor(private readonly db: DataSource) {}

  async create(name: string, role: ApiRole): Promise<CreatedKey> {
    if (!name.trim()) throw new DomainError('BAD_USER_INPUT', 'A key needs a name');
    const key = `lg_${randomBytes(32).toString('base64url')}`;
    const repo = this.db.getRepository(ApiKeyEntity);
    const record = await repo.save(repo.create({ name: name.trim(), role, prefix: key.slice(0, 10), keyHash: hash(key) }));
    return { key, record };
  }

  /** The viewer a bearer token stands for, or undefined when it is unknown or revoked. */
  async authenticate(key: string): Promise<Viewer | undefined> {
    const record = await this.db.getRepository(ApiKeyEntity).findOneBy({ keyHash: hash(key), revokedAt: IsNull() });
    if (!record) return undefined;
    const role = parseRole(record.role);
    if (!role) return undefined;
    return { keyId: record.id, name: record.name, role };
  }

  async revoke(id: string): Promise<ApiKeyEntity> {
    const repo = this.db.getRepository(ApiKeyEntity);
    const record = await repo.findOneBy({ id });
    if (!record) throw new DomainError('NOT_FOUND', `API key ${id} does not exist`);
    if (!record.revokedAt) {
      record.revokedAt = new Date();
      await repo.save(record);
    }
    return record;
  }

  async list(): Promise<ApiKeyEntity[]> {
    return this.db.getRepository(ApiKeyEntity).find({ order: { id: 'DESC' } });
  }

  async any(): Promise<boolean> {
    return (await this.db.getRepository(ApiKeyEntity).count()) > 0;
  }
}
