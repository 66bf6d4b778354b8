import type { DataSource } from 'typeorm';
import { IdentityService, type PersonReference } from '../identity';
import { recordsPersonReferences } from '../records';

/**
 * Every table whose rows belong to outside persons; when matching changes a person's user,
 * identity rewrites their rows in each. Domains that store such rows add theirs here.
 */
export const personReferences: readonly PersonReference[] = [...recordsPersonReferences];

/** The identity service with every reference, for the graph, workers and importers alike. */
export function createIdentity(db: DataSource): IdentityService {
  return new IdentityService(db, personReferences);
}
