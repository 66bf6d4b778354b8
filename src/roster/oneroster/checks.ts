import { warning } from '../../ingest/diagnostic';
import type { ImportContext } from './import-context';
import type { RosterFile } from './versions';

/**
 * Set-based checks over staged files. Each removes the rows it rejects (reporting them), so
 * later checks and the apply only ever see rows that passed.
 */

/** A sourcedId twice in one file: the first row stands, later ones are rejected. */
export async function rejectDuplicates(ctx: ImportContext, file: RosterFile): Promise<void> {
  const plan = ctx.plan(file);
  if (!plan) return;
  await ctx.reject(
    file,
    // Byte order groups exactly the equal keys (a database's default collation is deterministic)
    // and sorts a district's million keys about a sixth faster than the collation's order does.
    `s.line in (select line from (select line, row_number() over (partition by sourced_id collate "C" order by line) as n from ${plan.staging.table}) d where d.n > 1)`,
    [],
    { code: 'oneroster.row.duplicate', message: 'this sourcedId already appears on an earlier line of the file', column: 'sourcedId' },
  );
}

/**
 * Delta rows older than what we hold are skipped with a warning: a late redelivery must not
 * undo a newer change.
 */
export async function skipStaleDeltas(ctx: ImportContext, file: RosterFile, table: string): Promise<void> {
  const plan = ctx.plan(file);
  if (!plan || plan.mode !== 'delta') return;
  const rows = await ctx.query<{ line: number; sourced_id: string }>(
    `delete from ${plan.staging.table} s using ${table} t
      where t.system = $1 and t.sourced_id = s.sourced_id and t.date_last_modified > s.date_last_modified::timestamptz
      returning s.line, s.sourced_id`,
    [ctx.system],
  );
  for (const row of rows.sort((a, b) => a.line - b.line)) {
    ctx.progress.issue(
      warning('oneroster.delta.stale', 'dateLastModified is older than the stored record; the row was skipped', {
        file: plan.entry,
        line: row.line,
        column: 'dateLastModified',
        recordKey: row.sourced_id,
      }),
    );
  }
  ctx.count(file).unchanged += rows.length;
}

/**
 * What references to one file's records may point at, as SQL over a sourcedId expression. Each
 * method adds the values it needs to `params` and returns a condition naming them.
 */
export interface Known {
  /**
   * True when `ref` names no record a reference may point at: a conjunction of `not exists`,
   * which the planner turns into anti-joins (hashed for a bulk file's many rows, index probes
   * for a delta's few).
   */
  missing(ref: string, params: unknown[]): string;
  /** True when `ref` names such a record whose `type` is not `type`. */
  namesOtherType(ref: string, type: string, params: unknown[]): string;
}

const param = (params: unknown[], value: unknown): string => `$${params.push(value)}`;

/**
 * What references to `file`'s records may point at once its own checks are done: its staged
 * rows that are not deletes, plus (when this package does not replace them all) the live
 * records of the database that it does not stage (a staged delete hides the stored record).
 *
 * The staged keys are copied to `known_<table>` (indexed, in the keys' "C" collation so that
 * comparisons with the table's keys can use the index). The database's records are read in
 * place through the table's `(system, sourced_id)` index: copying a district's live keys for
 * a delta's few references would cost more than every probe together.
 */
export async function buildKnown(ctx: ImportContext, file: RosterFile, entityTable: string, withType: boolean): Promise<Known> {
  const table = `known_${entityTable}`;
  await ctx.query(`drop table if exists ${table}`);
  const plan = ctx.plan(file);
  const type = withType ? ', type' : '';
  const inDatabase = ctx.resolvesInDatabase(file);
  if (plan) {
    // Deletes are kept (not live) when they hide a stored record from the references.
    const rows = `select sourced_id collate "C" as sourced_id, status is distinct from 'tobedeleted' as live${type} from ${plan.staging.table}`;
    await ctx.query(`create temp table ${table} on commit drop as ${rows}${inDatabase ? '' : ` where status is distinct from 'tobedeleted'`}`);
    await ctx.query(`create index on ${table} (sourced_id)`);
    await ctx.query(`analyze ${table}`);
  }
  const staged = (ref: string, predicate = ''): string => (plan ? `exists (select 1 from ${table} k where k.sourced_id = ${ref} and k.live${predicate})` : 'false');
  const stored = (ref: string, params: unknown[], predicate = ''): string => {
    if (!inDatabase) return 'false';
    const notStaged = plan ? ` and not exists (select 1 from ${table} k where k.sourced_id = t.sourced_id)` : '';
    return `exists (select 1 from ${entityTable} t where t.system = ${param(params, ctx.system)} and t.sourced_id = ${ref} and t.deleted_at is null${predicate}${notStaged})`;
  };
  return {
    missing: (ref, params) => `not ${staged(ref)} and not ${stored(ref, params)}`,
    namesOtherType: (ref, type, params) => {
      const other = (alias: string): string => ` and ${alias}.type is distinct from ${param(params, type)}`;
      const inPackage = plan ? staged(ref, other('k')) : 'false';
      return `(${inPackage} or ${inDatabase ? stored(ref, params, other('t')) : 'false'})`;
    },
  };
}

interface Reference {
  readonly column: string;
  readonly header: string;
  readonly known: Known;
  /** The file whose records it names, and what to call them in messages. */
  readonly target: RosterFile;
  readonly what: string;
  /** When set, the referenced record must also have this `type`. */
  readonly type?: { readonly value: string; readonly code: string; readonly message: string };
  /**
   * An optional reference (a parent, a school year): lenient mode keeps the row with a warning
   * and leaves the link empty; strict mode rejects it like a required one.
   */
  readonly optional?: boolean;
}

/** A single-valued reference that must resolve (blank ones pass: required columns are checked per row). Returns the rows rejected. */
export async function requireReference(ctx: ImportContext, file: RosterFile, ref: Reference): Promise<number> {
  const lenientOptional = ref.optional === true && ctx.lenient;
  const check = lenientOptional ? ctx.warn.bind(ctx) : ctx.reject.bind(ctx);
  const message = `${ref.header} names no ${ref.what} in this package${ctx.resolvesInDatabase(ref.target) ? ' or already imported' : ''}`;
  const params: unknown[] = [];
  const rejected = await check(file, `s.status is distinct from 'tobedeleted' and s.${ref.column} is not null and ${ref.known.missing(`s.${ref.column}`, params)}`, params, {
    code: 'oneroster.reference.missing',
    message: lenientOptional ? `${message}; the link is left empty` : message,
    column: ref.header,
  });
  if (ref.type) {
    // Strict mode holds the binding's typing; lenient mode notes the mismatch and imports.
    const check = ctx.lenient ? ctx.warn.bind(ctx) : ctx.reject.bind(ctx);
    const typeParams: unknown[] = [];
    await check(file, `s.status is distinct from 'tobedeleted' and s.${ref.column} is not null and ${ref.known.namesOtherType(`s.${ref.column}`, ref.type.value, typeParams)}`, typeParams, {
      code: ref.type.code,
      message: ref.type.message,
      column: ref.header,
    });
  }
  return lenientOptional ? 0 : rejected;
}

/**
 * Every item of a list reference must resolve: strict mode rejects the row; lenient mode keeps
 * it with a warning and links only the items that resolve.
 */
export async function requireListReferences(ctx: ImportContext, file: RosterFile, ref: Reference): Promise<void> {
  const params: unknown[] = [];
  // A row that deletes its record needs no resolvable references (its targets may go in the same delta).
  const condition = `s.status is distinct from 'tobedeleted' and exists (select 1 from unnest(s.${ref.column}::text[]) as item(id) where ${ref.known.missing('item.id', params)})`;
  const rule = { code: 'oneroster.reference.missing', message: `${ref.header} lists a ${ref.what} that is neither in this package nor already imported`, column: ref.header };
  if (ctx.lenient) await ctx.warn(file, condition, params, { ...rule, message: `${rule.message}; that item is left out` });
  else await ctx.reject(file, condition, params, rule);
}

/** Rows whose parent chain loops back to themselves (orgs, sessions). */
export async function rejectParentCycles(ctx: ImportContext, file: RosterFile, entityTable: string): Promise<void> {
  const plan = ctx.plan(file);
  if (!plan) return;
  const dbPart = ctx.resolvesInDatabase(file)
    ? ` union all select t.sourced_id, p.sourced_id from ${entityTable} t join ${entityTable} p on p.id = t.parent_id
         where t.system = $1 and t.deleted_at is null and not exists (select 1 from ${plan.staging.table} x where x.sourced_id = t.sourced_id)`
    : '';
  await ctx.reject(
    file,
    `s.sourced_id in (
      with recursive edges(child, parent) as (
        select sourced_id, parent_sourced_id from ${plan.staging.table} where parent_sourced_id is not null${dbPart}
      ), walk(start, node, depth) as (
        select child, parent, 1 from edges
        union all
        select w.start, e.parent, w.depth + 1 from walk w join edges e on e.child = w.node where w.node <> w.start and w.depth < 10000
      ) select start from walk where node = start)`,
    ctx.resolvesInDatabase(file) ? [ctx.system] : [],
    { code: 'oneroster.semantic.parent_cycle', message: 'parentSourcedId leads back to this record (a cycle)', column: 'parentSourcedId' },
  );
}
