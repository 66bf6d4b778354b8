import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type DataSource, IsNull } from 'typeorm';
import { DomainError } from '../../shared/domain-error';
import { LrsCredentialEntity } from './lrs-credential.entity';
import { type LrsScope, parseLrsScope } from './lrs-scope';

export interface CreatedLrsCredential {
  readonly keyId: string;
  readonly secret: string;
  readonly record: LrsCredentialEntity;
}

export interface LrsPrincipal {
  readonly credentialId: string;
  readonly keyId: string;
  readonly name: string;
  readonly scope: LrsScope;
}

/** Secrets are 32 random bytes: a plain SHA-256 is enough (no password stretching needed). */
const hash = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

export class LrsCredentialService {
  constructor(private readonly db: DataSource) {}

  async create(name: string, scope: LrsScope): Promise<CreatedLrsCredential> {
    if (!name.trim()) throw new DomainError('BAD_USER_INPUT', 'An LRS credential needs a name');
    const keyId = `lrs_${randomBytes(9).toString('base64url')}`;
    const secret = randomBytes(32).toString('base64url');
    const repo = this.db.getRepository(LrsCredentialEntity);
    const record = await repo.save(repo.create({ name: name.trim(), keyId, scope, secretHash: hash(secret) }));
    return { keyId, secret, record };
  }

  /** The principal a basic-auth pair stands for, or undefined when unknown, revoked or wrong. */
  async authenticate(keyId: string, secret: string): Promise<LrsPrincipal | undefined> {
    const record = await this.db.getRepository(LrsCredentialEntity).findOneBy({ keyId, revokedAt: IsNull() });
    if (!record || !timingSafeEqual(record.secretHash, hash(secret))) return undefined;
    const scope = parseLrsScope(record.scope);
    if (!scope) return undefined;
    return { credentialId: record.id, keyId: record.keyId, name: record.name, scope };
  }

  async list(): Promise<LrsCredentialEntity[]> {
    return this.db.getRepository(LrsCredentialEntity).find({ order: { id: 'DESC' } });
  }
}
