import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type DataSource, IsNull } from 'typeorm';
import { DomainError } from '../../shared/domain-error';
import { LrsCredentialEntity } from './lrs-credential.entity';
import { type LrsScope, LrsXapiVersion, parseLrsScope } from './lrs-scope';

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
  /** The version answers name when a request does not say which it speaks. */
  readonly xapiVersion: '1.0.3' | '2.0.0';
}

/** Secrets are 32 random bytes: a plain SHA-256 is enough (no password stretching needed). */
const hash = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

/**
 * How long a checked basic-auth pair is trusted without asking the database again: every xAPI
 * request authenticates, and a client sends many. A revoked credential stops working within this.
 */
const PRINCIPAL_TTL_MS = 10_000;

export class LrsCredentialService {
  private readonly recent = new Map<string, { readonly secretHash: Buffer; readonly principal: LrsPrincipal; readonly until: number }>();

  constructor(private readonly db: DataSource) {}

  async create(name: string, scope: LrsScope, xapiVersion: LrsXapiVersion = LrsXapiVersion.V2_0_0): Promise<CreatedLrsCredential> {
    if (!name.trim()) throw new DomainError('BAD_USER_INPUT', 'An LRS credential needs a name');
    const keyId = `lrs_${randomBytes(9).toString('base64url')}`;
    const secret = randomBytes(32).toString('base64url');
    const repo = this.db.getRepository(LrsCredentialEntity);
    const record = await repo.save(repo.create({ name: name.trim(), keyId, scope, xapiVersion, secretHash: hash(secret) }));
    return { keyId, secret, record };
  }

  /** The principal a basic-auth pair stands for, or undefined when unknown, revoked or wrong. */
  async authenticate(keyId: string, secret: string): Promise<LrsPrincipal | undefined> {
    const cached = this.recent.get(keyId);
    if (cached && cached.until > Date.now() && timingSafeEqual(cached.secretHash, hash(secret))) return cached.principal;
    const principal = await this.lookup(keyId, secret);
    if (principal) {
      if (this.recent.size > 1000) this.recent.clear();
      this.recent.set(keyId, { secretHash: hash(secret), principal, until: Date.now() + PRINCIPAL_TTL_MS });
    }
    return principal;
  }

  private async lookup(keyId: string, secret: string): Promise<LrsPrincipal | undefined> {
    const record = await this.db.getRepository(LrsCredentialEntity).findOneBy({ keyId, revokedAt: IsNull() });
    if (!record || !timingSafeEqual(record.secretHash, hash(secret))) return undefined;
    const scope = parseLrsScope(record.scope);
    if (!scope) return undefined;
    return { credentialId: record.id, keyId: record.keyId, name: record.name, scope, xapiVersion: record.xapiVersion === '1.0.3' ? '1.0.3' : '2.0.0' };
  }

  async list(): Promise<LrsCredentialEntity[]> {
    return this.db.getRepository(LrsCredentialEntity).find({ order: { id: 'DESC' } });
  }
}
