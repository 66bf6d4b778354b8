import { toGlobalId } from '../graphql/relay/global-id';
import { ApiKey } from './api-key.type';
import type { ApiKeyEntity } from './api-key.entity';
import { ApiRole, parseRole } from './role';

export function toApiKey(entity: ApiKeyEntity): ApiKey {
  return Object.assign(new ApiKey(), {
    id: toGlobalId('ApiKey', entity.id),
    name: entity.name,
    role: parseRole(entity.role) ?? ApiRole.READER,
    prefix: entity.prefix,
    createdAt: entity.createdAt,
    lastUsedAt: entity.lastUsedAt,
    revokedAt: entity.revokedAt,
    orgId: entity.orgId === null ? null : toGlobalId('Org', entity.orgId),
  });
}
