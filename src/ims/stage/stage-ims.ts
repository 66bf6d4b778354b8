import type { QueryRunner } from 'typeorm';
import { copyRows, createStagingTable, IssueSeverity, type Diagnostic, type StagingRow } from '../../ingest';
import type { ResolvedImsOptions } from '../options/ims-options';
import { textAt } from '../xml/element-node';
import type { XmlRecord } from '../xml/xml-record';
import { groupRow } from './group-row';
import { memberRows, membershipRow } from './member-rows';
import { personRow } from './person-row';
import type { RowContext } from './row-context';
import { IMS_STAGING } from './staging-layout';

export interface StageImsContext {
  readonly queryRunner: QueryRunner;
  readonly file: string;
  readonly tolerant: boolean;
  readonly options: ResolvedImsOptions;
  readonly report: (diagnostic: Diagnostic) => void;
  /** Called every PROGRESS_EVERY elements with how many were read since the last call. */
  readonly advance: (elements: number) => void;
  readonly signal: AbortSignal;
}

/** Elements of each kind that were refused before staging (each with its ERROR). */
export interface ParseRejects {
  persons: number;
  groups: number;
  memberships: number;
}

export interface StagedIms {
  readonly rows: number;
  readonly rejected: ParseRejects;
  /** `<properties><datasource>`, for naming what the import creates. */
  readonly datasource: string | null;
  /** `<properties><target>`s seen. */
  readonly targets: readonly string[];
  /** The file does not name `restrictTarget`: reading stopped and nothing may be applied. */
  readonly targetMismatch: boolean;
}

const PROGRESS_EVERY = 1_000;

/**
 * Streams the records into the staging table with one COPY inside the import's transaction.
 * Elements that cannot be staged are reported (and counted as rejected) on the way. With a
 * target restriction, reading stops at the first record when the file's `<properties>` did
 * not name the target: the file is not meant for us.
 */
export async function stageIms(records: AsyncIterable<XmlRecord>, ctx: StageImsContext): Promise<StagedIms> {
  await createStagingTable(ctx.queryRunner, IMS_STAGING);
  const rejected: ParseRejects = { persons: 0, groups: 0, memberships: 0 };
  const targets: string[] = [];
  let datasource: string | null = null;
  let targetMismatch = false;
  let kind: keyof ParseRejects = 'persons';
  const rowContext: RowContext = {
    file: ctx.file,
    tolerant: ctx.tolerant,
    options: ctx.options,
    report: (diagnostic) => {
      // Every refused element reports exactly one ERROR: count it against the element's kind.
      if (diagnostic.severity === IssueSeverity.ERROR) rejected[kind] += 1;
      ctx.report(diagnostic);
    },
  };
  const wanted = ctx.options.restrictTarget?.toLowerCase() ?? null;
  const targetNamed = (): boolean => wanted === null || targets.some((t) => t.toLowerCase() === wanted);

  async function* rows(): AsyncGenerator<StagingRow> {
    let unreported = 0;
    for await (const record of records) {
      if (++unreported === PROGRESS_EVERY) {
        ctx.advance(unreported);
        unreported = 0;
        ctx.signal.throwIfAborted();
      }
      switch (record.kind) {
        case 'properties':
          datasource ??= textAt(record.node, 'datasource') || null;
          for (const target of record.node.children.filter((c) => c.name === 'target')) targets.push(target.text.trim());
          continue;
        case 'person': {
          if (!targetNamed()) return void (targetMismatch = true);
          kind = 'persons';
          const values = personRow(rowContext, record.ord, record.node);
          if (values) yield { line: record.node.line, values };
          continue;
        }
        case 'group': {
          if (!targetNamed()) return void (targetMismatch = true);
          kind = 'groups';
          const values = groupRow(rowContext, record.ord, record.node);
          if (values) yield { line: record.node.line, values };
          continue;
        }
        case 'member': {
          if (!targetNamed()) return void (targetMismatch = true);
          kind = 'memberships';
          // A membership without a course code reports once, for all its members, when it closes.
          if (record.membership.groupId === null) continue;
          yield* memberRows(rowContext, record.ord, record.node, record.membership);
          continue;
        }
        case 'membership': {
          kind = 'memberships';
          if (record.membership.groupId === null) rejected.memberships += record.members - 1;
          const values = membershipRow(rowContext, record.ord, record.node, record.membership, record.members);
          if (values) yield { line: record.node.line, values };
          continue;
        }
      }
    }
    ctx.advance(unreported);
  }

  const copied = await copyRows(ctx.queryRunner, IMS_STAGING, rows(), { signal: ctx.signal });
  if (wanted !== null && !targetNamed()) targetMismatch = true;
  return { rows: copied, rejected, datasource, targets, targetMismatch };
}
