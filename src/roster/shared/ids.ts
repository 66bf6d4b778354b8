import { localIdOf } from '../../graphql/relay/global-id';

/** Decodes an optional global id argument; a wrong type or malformed id is BAD_USER_INPUT. */
export function optionalLocalId(globalId: string | null | undefined, type: string): string | null {
  return globalId == null ? null : localIdOf(globalId, type);
}
