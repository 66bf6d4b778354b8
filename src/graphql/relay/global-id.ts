import { DomainError } from '../../shared/domain-error';

/**
 * Relay global ids: base64url of `Type:localId`. Opaque to clients, stable across releases,
 * and decodable without a database round trip so `node(id)` knows which loader to call.
 */
export function toGlobalId(type: string, localId: string): string {
  return Buffer.from(`${type}:${localId}`, 'utf8').toString('base64url');
}

export interface DecodedGlobalId {
  readonly type: string;
  readonly id: string;
}

export function fromGlobalId(globalId: string): DecodedGlobalId {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1 || toGlobalId(decoded.slice(0, colon), decoded.slice(colon + 1)) !== globalId) {
    throw new DomainError('BAD_USER_INPUT', `"${globalId.slice(0, 80)}" is not a valid id`);
  }
  return { type: decoded.slice(0, colon), id: decoded.slice(colon + 1) };
}

/** Decode a global id that must name a given type; local ids are bigint keys. */
export function localIdOf(globalId: string, expectedType: string): string {
  const { type, id } = fromGlobalId(globalId);
  if (type !== expectedType || !/^[1-9][0-9]{0,18}$/.test(id)) {
    throw new DomainError('BAD_USER_INPUT', `"${globalId.slice(0, 80)}" is not a ${expectedType} id`);
  }
  return id;
}
