import type { NonEmptyArray } from 'type-graphql';
import { ApiKeyResolver } from '../auth/api-key.resolver';
import { AuditLogResolver } from '../auth/audit/audit-log.resolver';
import { NodeResolver } from '../graphql/relay/node.resolver';
import { SyncJobResolver } from '../jobs/sync-job.resolver';
import { edReflectResolvers } from '../edreflect';
import { identityResolvers } from '../identity';
import { imsResolvers } from '../ims';
import { recordsResolvers } from '../records';
import { rosterResolvers } from '../roster';
import { sourceResolvers } from '../sources';
import { xapiResolvers } from '../xapi';
import { XapiPullSourceResolver } from '../xapi/pull';
import { complianceResolvers } from '../compliance';

/** Every resolver class of the graph; domains add theirs here. */
export const resolvers: NonEmptyArray<Function> = [NodeResolver, ApiKeyResolver, AuditLogResolver, SyncJobResolver, ...rosterResolvers, ...identityResolvers, ...recordsResolvers, ...sourceResolvers, ...imsResolvers, ...edReflectResolvers, ...xapiResolvers, ...complianceResolvers, XapiPullSourceResolver];
