import { raw, sql, type Sql } from '../../db/sql';
import type { ListQuery, PageRequest, Queryable } from '../../graphql/relay/keyset';
import { type ListResult, listPage } from '../../roster/shared/list';

export interface AuditRecord {
  readonly at: Date;
  readonly keyId: string | null;
  readonly keyName: string | null;
  readonly operationName: string | null;
  readonly fields: readonly string[];
  readonly variables: unknown;
  readonly outcome: string;
  readonly durationMs: number;
}

export interface AuditRow {
  readonly id: string;
  readonly at: Date;
  readonly key_id: string | null;
  readonly key_name: string | null;
  readonly operation_name: string | null;
  readonly fields: string[];
  readonly variables: Record<string, unknown>;
  readonly outcome: string;
  readonly duration_ms: number;
}

export interface AuditCriteria {
  readonly keyId?: string | null;
  readonly field?: string | null;
  readonly outcome?: string | null;
  readonly since?: Date | null;
  readonly until?: Date | null;
}

const COLUMNS = 'a.id::text as id, a.at, a.key_id::text as key_id, a.key_name, a.operation_name, a.fields, a.variables, a.outcome, a.duration_ms';

/** The mutation audit log: one row per mutation, appended and never changed. */
export class AuditLogService {
  constructor(
    private readonly db: Queryable,
    private readonly maxPageSize: number,
  ) {}

  async append(record: AuditRecord): Promise<void> {
    await this.db.query(
      `insert into audit_log (at, key_id, key_name, operation_name, fields, variables, outcome, duration_ms) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [record.at, record.keyId, record.keyName, record.operationName, record.fields, JSON.stringify(record.variables ?? {}), record.outcome, record.durationMs],
    );
  }

  /** Newest first (by id: rows are appended in the order requests finished). */
  query(criteria: AuditCriteria): ListQuery {
    const where: Sql[] = [];
    if (criteria.keyId != null) where.push(sql`a.key_id = ${criteria.keyId}`);
    if (criteria.field != null) where.push(sql`${criteria.field} = any(a.fields)`);
    if (criteria.outcome != null) where.push(sql`a.outcome = ${criteria.outcome}`);
    if (criteria.since != null) where.push(sql`a.at >= ${criteria.since}`);
    if (criteria.until != null) where.push(sql`a.at < ${criteria.until}`);
    return { key: 'audit-log', select: raw(COLUMNS), from: raw('audit_log a'), where, order: [{ expr: 'a.id', direction: 'desc' }] };
  }

  list(criteria: AuditCriteria, page: PageRequest): Promise<ListResult<AuditRow>> {
    return listPage(this.db, this.query(criteria), page, this.maxPageSize);
  }
}
