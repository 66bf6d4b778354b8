import { registerEnumType } from 'type-graphql';

/** What an API key may do; each role includes the ones before it. */
export enum ApiRole {
  READER = 'reader',
  INTEGRATOR = 'integrator',
  ADMIN = 'admin',
}

registerEnumType(ApiRole, {
  name: 'ApiRole',
  description: 'reader: queries; integrator: imports and sources as well; admin: API keys as well.',
});

const RANK: Record<ApiRole, number> = { [ApiRole.READER]: 1, [ApiRole.INTEGRATOR]: 2, [ApiRole.ADMIN]: 3 };

export function roleAllows(held: ApiRole, needed: ApiRole): boolean {
  return RANK[held] >= RANK[needed];
}

export function parseRole(value: string): ApiRole | undefined {
  return (Object.values(ApiRole) as string[]).includes(value) ? (value as ApiRole) : undefined;
}
