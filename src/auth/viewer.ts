import type { ApiRole } from './role';
import type { AccessScope } from './scope/access-scope';

/** Who is calling: the API key the request carried. */
export interface Viewer {
  readonly keyId: string;
  readonly name: string;
  readonly role: ApiRole;
  /** Null for a key that sees everything; otherwise the org subtree it is limited to. */
  readonly scope: AccessScope | null;
}
