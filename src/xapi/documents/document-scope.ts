import { ifiOf } from '../statements/statement-links';
import { checkActor, isUuid, type Json } from '../statements/statement-validation';
import { XapiError } from '../statements/xapi-error';

export type DocumentKind = 'state' | 'activity_profile' | 'agent_profile';

/** Which documents a request addresses: every part but the document id is part of the key. */
export interface DocumentScope {
  readonly kind: DocumentKind;
  readonly activityId: string;
  readonly agentIfi: string;
  readonly registration: string;
}

const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

function activity(query: Record<string, string>): string {
  const id = query['activityId'];
  if (id === undefined || !IRI.test(id)) throw new XapiError(400, 'activityId must be an absolute IRI');
  return id;
}

function agent(query: Record<string, string>): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(query['agent'] ?? '');
  } catch {
    throw new XapiError(400, 'agent must be an Agent as JSON');
  }
  checkActor(parsed, 'agent');
  const ifi = ifiOf(parsed as Json);
  if (!ifi) throw new XapiError(400, 'agent needs an identifier');
  return ifi;
}

/** The scope and the name of the document-id parameter for a kind, from query parameters. */
export function scopeOf(kind: DocumentKind, query: Record<string, string>): { scope: DocumentScope; idParam: string } {
  switch (kind) {
    case 'state': {
      const registration = query['registration'];
      if (registration !== undefined && !isUuid(registration)) throw new XapiError(400, 'registration must be a UUID');
      return { scope: { kind, activityId: activity(query), agentIfi: agent(query), registration: registration?.toLowerCase() ?? '' }, idParam: 'stateId' };
    }
    case 'activity_profile':
      return { scope: { kind, activityId: activity(query), agentIfi: '', registration: '' }, idParam: 'profileId' };
    case 'agent_profile':
      return { scope: { kind, activityId: '', agentIfi: agent(query), registration: '' }, idParam: 'profileId' };
  }
}
