import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { toConnection } from '../../graphql/relay/connection';
import { localIdOf, toGlobalId } from '../../graphql/relay/global-id';
import { PageArgs } from '../../graphql/relay/page-args';
import { ApiRole } from '../role';
import type { AuditRow } from './audit-log.service';
import { AuditEntry, AuditEntryConnection, AuditLogFilter } from './audit-entry.type';

const toAuditEntry = (row: AuditRow): AuditEntry =>
  Object.assign(new AuditEntry(), {
    id: toGlobalId('AuditEntry', row.id),
    at: row.at,
    apiKeyId: row.key_id === null ? null : toGlobalId('ApiKey', row.key_id),
    keyName: row.key_name,
    operationName: row.operation_name,
    fields: row.fields,
    variables: row.variables,
    outcome: row.outcome,
    durationMs: row.duration_ms,
  });

@Resolver()
export class AuditLogResolver {
  @Authorized(ApiRole.ADMIN)
  @Query(() => AuditEntryConnection, { description: 'Every mutation sent to this graph, newest first (admins only).' })
  async auditLog(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AuditLogFilter, { nullable: true }) filter: AuditLogFilter | null,
    @Ctx() ctx: Context,
  ): Promise<AuditEntryConnection> {
    const criteria = {
      keyId: filter?.apiKeyId ? localIdOf(filter.apiKeyId, 'ApiKey') : null,
      field: filter?.field ?? null,
      outcome: filter?.outcome ?? null,
      since: filter?.since ?? null,
      until: filter?.until ?? null,
    };
    const { page: result, total } = await ctx.services.auditLog.list(criteria, page);
    return toConnection(AuditEntryConnection, result, toAuditEntry, total);
  }
}
