/**
 * The xAPI domain's public module: an LRS at /xapi (statements over HTTP with basic-auth
 * credentials created through the graph).
 */
import type { DataSource } from 'typeorm';
import { LrsCredentialResolver } from './credentials/lrs-credential.resolver';
import { LrsCredentialService } from './credentials/lrs-credential.service';
import { DocumentStore } from './documents/document-store';
import { StatementStore } from './statements/statement-store';

export { xapiEntities } from './xapi.entities';
export { mountXapi } from './http/xapi-router';
export { LrsScope } from './credentials/lrs-scope';

export interface XapiServices {
  readonly credentials: LrsCredentialService;
  readonly statements: StatementStore;
  readonly documents: DocumentStore;
}

export function createXapiServices(db: DataSource): XapiServices {
  return { credentials: new LrsCredentialService(db), statements: new StatementStore(db), documents: new DocumentStore(db) };
}

export const xapiResolvers: Function[] = [LrsCredentialResolver];
