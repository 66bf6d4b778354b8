import { Field, Float, ObjectType } from 'type-graphql';
import { toGlobalId } from '../../graphql/relay/global-id';
import { LocalDate } from '../../roster';
import { LearningKind } from '../model/learning-kind';
import type { HistoryRow } from '../model/record-rows';
import { detailsOf, setEntryFields } from './entry-fields';
import { LearningHistoryEntry } from './history.types';

/**
 * EdReflect observations of a person and goals they own, on their timeline. They are read
 * from the EdReflect row store at query time (never copied into learning_record), through the
 * person the identity rules matched to the user: a later match, a manual link or a new export
 * shows at once. The columns are the typed ones of the EdReflect graph (learnerId, ownerId,
 * observedAt, ...); an entry without any date column is not placed on the timeline.
 */
const firstTimestamp = (alias: string, columns: readonly string[]): string =>
  `coalesce(${columns
    .map((c) => `case when pg_input_is_valid(${alias}."values" ->> '${c}', 'timestamptz') then (${alias}."values" ->> '${c}')::timestamptz end`)
    .join(', ')})`;

const numeric = (expr: string): string => `case when ${expr} ~ '^\\s*-?[0-9]+(\\.[0-9]+)?\\s*$' then (${expr})::numeric end`;

/** UNION ALL branches of the timeline (history.query.ts), with its columns. */
export const EDREFLECT_TIMELINE_BRANCHES = `
    select 'EDREFLECT_OBSERVATION', o.id, t.at, p.user_id, p.system, t.status, o."values" ->> 'isPublished',
           ${numeric(`o."values" ->> 'score'`)}, null::integer, case when t.status = 'COMPLETED' then t.at end, null::timestamptz, null::bigint,
           coalesce(nullif(o."values" ->> 'name', ''), 'Observation'), jsonb_build_object('edReflectId', o.row_id), p.id
      from external_person p
      join edreflect_row o on o.system = substr(p.system, 11) and o.table_name = 'observations' and (o."values" ->> 'learnerId') = p.account_id
     cross join lateral (
       select ${firstTimestamp('o', ['observedAt', 'createdAt', 'lastModified'])} as at,
              case when lower(btrim(o."values" ->> 'isPublished')) in ('true', '1', 'yes') then 'COMPLETED' else 'IN_PROGRESS' end as status
     ) t
     where p.system like 'edreflect:%' and t.at is not null
    union all
    select 'EDREFLECT_GOAL', g.id, t.at, p.user_id, p.system, t.status, g."values" ->> 'progress',
           t.progress, null::integer, case when t.status = 'COMPLETED' then t.at end, null::timestamptz, null::bigint,
           coalesce(nullif(g."values" ->> 'title', ''), nullif(g."values" ->> 'name', ''), 'Goal'),
           jsonb_build_object('edReflectId', g.row_id, 'dueDate', g."values" ->> 'dueDate'), p.id
      from external_person p
      join edreflect_row g on g.system = substr(p.system, 11) and g.table_name = 'goals' and (g."values" ->> 'ownerId') = p.account_id
     cross join lateral (select ${numeric(`g."values" ->> 'progress'`)} as progress) n
     cross join lateral (
       select ${firstTimestamp('g', ['createdAt', 'lastModified'])} as at, n.progress,
              case when n.progress >= 100 then 'COMPLETED' else 'IN_PROGRESS' end as status
     ) t
     where p.system like 'edreflect:%' and t.at is not null`;

const EDREFLECT_KINDS: readonly string[] = [LearningKind.EDREFLECT_OBSERVATION, LearningKind.EDREFLECT_GOAL];

export function isEdReflectEntry(row: HistoryRow): boolean {
  return EDREFLECT_KINDS.includes(row.entry_kind);
}

@ObjectType('EdReflectObservationEntry', { implements: LearningHistoryEntry, description: 'An EdReflect observation of the user, at its date; `observation` has all of it. Status COMPLETED once published.' })
export class EdReflectObservationEntry extends LearningHistoryEntry {
  observationLocalId!: string;
}

@ObjectType('EdReflectGoalEntry', { implements: LearningHistoryEntry, description: 'An EdReflect goal the user owns, at its creation; `goal` has all of it. Status COMPLETED at 100% progress.' })
export class EdReflectGoalEntry extends LearningHistoryEntry {
  goalLocalId!: string;

  @Field(() => LocalDate, { nullable: true })
  dueDate!: string | null;

  @Field(() => Float, { nullable: true, description: 'The goal’s progress, as sent (0-100).' })
  progress!: number | null;
}

export function toEdReflectEntry(row: HistoryRow): LearningHistoryEntry {
  // The EdReflect branches of the timeline select no validity: `validUntil` is null.
  if (row.entry_kind === LearningKind.EDREFLECT_GOAL) {
    const due = detailsOf(row)['dueDate'];
    const goal = setEntryFields(new EdReflectGoalEntry(), row);
    goal.id = toGlobalId('EdReflectGoal', row.id);
    goal.goalLocalId = row.id;
    goal.dueDate = typeof due === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : null;
    goal.progress = goal.score;
    goal.score = null;
    return goal;
  }
  const observation = setEntryFields(new EdReflectObservationEntry(), row);
  observation.id = toGlobalId('EdReflectObservation', row.id);
  observation.observationLocalId = row.id;
  return observation;
}
