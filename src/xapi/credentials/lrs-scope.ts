import { registerEnumType } from 'type-graphql';

/** What an LRS credential may do: read (GET/HEAD), write (PUT/POST/DELETE) or both. */
export enum LrsScope {
  READ = 'read',
  WRITE = 'write',
  ALL = 'all',
}

registerEnumType(LrsScope, { name: 'LrsScope', description: 'What an xAPI (LRS) credential may do.' });

export function parseLrsScope(value: string): LrsScope | undefined {
  return (Object.values(LrsScope) as string[]).includes(value) ? (value as LrsScope) : undefined;
}

/** Whether a credential of this scope may use an HTTP method. */
export function scopeAllows(scope: LrsScope, method: string): boolean {
  const reading = method === 'GET' || method === 'HEAD';
  return scope === LrsScope.ALL || (reading ? scope === LrsScope.READ : scope === LrsScope.WRITE);
}

/** The xAPI versions the LRS speaks. */
export enum LrsXapiVersion {
  V1_0_3 = '1.0.3',
  V2_0_0 = '2.0.0',
}

registerEnumType(LrsXapiVersion, { name: 'LrsXapiVersion', description: 'An xAPI version the LRS at /xapi speaks.' });
