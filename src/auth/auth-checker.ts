import type { AuthChecker } from 'type-graphql';
import { AuthenticationError } from 'type-graphql';
import { type ApiRole, roleAllows } from './role';
import type { Viewer } from './viewer';

/**
 * `@Authorized()` needs any valid key; `@Authorized(ApiRole.INTEGRATOR)` needs that role or a
 * higher one. A missing key is UNAUTHENTICATED; a weaker one is FORBIDDEN (type-graphql's
 * AuthorizationError, mapped in graphql/errors.ts).
 */
export const authChecker: AuthChecker<{ viewer: Viewer | null; keyRejected: boolean }, ApiRole> = ({ context }, roles) => {
  const { viewer } = context;
  if (!viewer) {
    throw new AuthenticationError(
      context.keyRejected ? 'The API key is unknown or revoked' : 'Send an API key as `Authorization: Bearer <key>`',
    );
  }
  return roles.every((role) => roleAllows(viewer.role, role));
};
