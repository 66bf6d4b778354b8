import type { ApiRole } from './role';

/** Who is calling: the API key the request carried. */
export interface Viewer {
  readonly keyId: string;
  readonly name: string;
  readonly role: ApiRole;
}
