import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { raw, sql, type Sql } from '../../db/sql';
import { RosterStatus } from './record-status';

/** Filter fields every roster list shares. */
// Decorated so that subclasses inherit its fields; never referenced itself, so never emitted.
@InputType()
export abstract class RecordFilter {
  @Field(() => String, { nullable: true, description: 'Only records from this source system.' })
  @MaxLength(200)
  system?: string | null;

  @Field(() => String, { nullable: true, description: 'The record with this sourcedId (exact and case-sensitive).' })
  @MaxLength(255)
  sourcedId?: string | null;

  @Field(() => RosterStatus, { nullable: true })
  status?: RosterStatus | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Include records deleted in their source.' })
  includeDeleted?: boolean | null;
}

/** The shared criteria, as services take them. */
export interface RecordCriteria {
  readonly system?: string | null | undefined;
  readonly sourcedId?: string | null | undefined;
  readonly status?: RosterStatus | null | undefined;
  readonly includeDeleted?: boolean | null | undefined;
}

export function recordCriteria(filter: RecordFilter | null | undefined): RecordCriteria {
  return {
    system: filter?.system ?? null,
    sourcedId: filter?.sourcedId ?? null,
    status: filter?.status ?? null,
    includeDeleted: filter?.includeDeleted ?? false,
  };
}

/** Conditions on table alias `a` (trusted text) for the shared criteria; values are bound. */
export function recordConditions(a: string, c: RecordCriteria): Sql[] {
  const where: Sql[] = [];
  if (!c.includeDeleted) where.push(raw(`${a}.deleted_at is null`));
  if (c.system != null) where.push(sql`${raw(`${a}.system`)} = ${c.system}`);
  if (c.sourcedId != null) where.push(sql`${raw(`${a}.sourced_id`)} = ${c.sourcedId}`);
  if (c.status != null) where.push(sql`${raw(`${a}.status`)} = ${c.status}`);
  return where;
}
