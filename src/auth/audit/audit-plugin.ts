import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { Context } from '../../graphql/context';
import { outsideStatementCounter } from '../../db/query-counter';
import type { Logger } from '../../shared/logger';
import type { AuditLogService } from './audit-log.service';
import { OUTCOME_OK } from './audit-entry.type';
import { redactVariables } from './redact';

/**
 * Writes one audit row per mutation once its response is known: refused ones (no key, wrong
 * role, invalid input) as well as applied ones. The row is written before the response goes
 * out, so a mutation the client saw is never missing from the log; it is bookkeeping, not the
 * request's work, so it is left out of the request's SQL statement count.
 */
export function auditPlugin(auditLog: AuditLogService, log: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(request) {
          const operation = mutationOf(request);
          if (!operation) return;
          const { viewer } = request.contextValue;
          const body = request.response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          const code = errors?.[0]?.extensions?.['code'];
          const record = {
            at: new Date(),
            keyId: viewer?.keyId ?? null,
            keyName: viewer?.name ?? null,
            operationName: operation.name?.value ?? request.request.operationName ?? null,
            fields: rootFields(operation.selectionSet),
            variables: redactVariables(request.request.variables ?? {}),
            outcome: errors?.length ? (typeof code === 'string' ? code : 'ERROR') : OUTCOME_OK,
            durationMs: Math.round(performance.now() - started),
          };
          try {
            await outsideStatementCounter(() => auditLog.append(record));
          } catch (error) {
            // The mutation has happened; failing its response now would only hide that.
            log.error({ err: error, audit: { ...record, variables: undefined } }, 'could not write the audit log');
          }
        },
      };
    },
  };
}

/** The request's operation when it is a mutation, also when validation refused it before it resolved. */
function mutationOf(request: GraphQLRequestContext<Context>): OperationDefinitionNode | undefined {
  const operation =
    request.operation ??
    request.document?.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition' && (request.request.operationName == null || d.name?.value === request.request.operationName),
    );
  return operation?.operation === 'mutation' ? operation : undefined;
}

function rootFields(selectionSet: SelectionSetNode): string[] {
  return selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : s.kind === 'InlineFragment' ? rootFields(s.selectionSet) : []));
}
