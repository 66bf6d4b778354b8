import { Sql } from '../../db/sql';

/**
 * What a key scoped to an org may see, worked out once when the key is looked up: the ids of
 * the org and every org below it, and the same plus the orgs above it. Records hang off orgs
 * (a class's school, a role's org), so every scoped list, loader and `node(id)` narrows with
 * the predicates below instead of walking the tree again.
 */
export interface AccessScope {
  /** The org the key was made for. */
  readonly orgId: string;
  /** That org and its descendants. */
  readonly orgIds: readonly string[];
  /** The subtree plus its ancestors: orgs a visible record may name (a course's district). */
  readonly contextOrgIds: readonly string[];
}

/** Record kinds a scope narrows; anything else is refused to scoped keys (see scoped-operations.ts). */
export type ScopedKind = 'org' | 'user' | 'class' | 'course' | 'enrollment' | 'role' | 'userChild' | 'agent' | 'learningRecord';

const ORGS = '\u0000orgs\u0000';
const CONTEXT = '\u0000context\u0000';

/** A user is visible when they have a live role or enrollment in the subtree. */
const userVisible = (id: string): string =>
  `(exists (select 1 from role sr where sr.user_id = ${id} and sr.deleted_at is null and sr.org_id = any(${ORGS}))
    or exists (select 1 from enrollment se where se.user_id = ${id} and se.deleted_at is null and se.school_id = any(${ORGS})))`;

/** The one place that says what a scoped key sees, per kind, over a table alias (trusted text). */
const PREDICATES: Record<ScopedKind, (a: string) => string> = {
  // Ancestors too, and the owner of a course taught in the subtree (a sibling school's course),
  // so that `parent`, `Course.org` and the like still resolve; their lists stay narrowed.
  org: (a) =>
    `(${a}.id = any(${CONTEXT}) or exists (select 1 from course so join class sk on sk.course_id = so.id
      where so.org_id = ${a}.id and sk.school_id = any(${ORGS})))`,
  user: (a) => userVisible(`${a}.id`),
  class: (a) => `${a}.school_id = any(${ORGS})`,
  // A district's course is visible where one of its classes is taught in the subtree.
  course: (a) => `(${a}.org_id = any(${ORGS}) or exists (select 1 from class sc where sc.course_id = ${a}.id and sc.school_id = any(${ORGS})))`,
  enrollment: (a) => `(${a}.school_id = any(${ORGS}) and exists (select 1 from class sc where sc.id = ${a}.class_id and sc.school_id = any(${ORGS})))`,
  role: (a) => `${a}.org_id = any(${ORGS})`,
  // Demographics and identifiers belong to one user.
  userChild: (a) => userVisible(`${a}.user_id`),
  agent: (a) => `(${userVisible(`${a}.user_id`)} and ${userVisible(`${a}.agent_user_id`)})`,
  learningRecord: (a) => `(${a}.user_id is not null and ${userVisible(`${a}.user_id`)})`,
};

/**
 * The condition as a composable fragment (arrays bound as parameters), or nothing for an
 * unscoped key, so that `where.push(...visible(scope, 'user', 'u'))` costs unscoped keys nothing.
 */
export function visible(scope: AccessScope | null | undefined, kind: ScopedKind, alias: string): Sql[] {
  if (!scope) return [];
  // split() with a capturing group alternates text and markers: text, marker, text, ..., text.
  const parts = PREDICATES[kind](alias).split(/(\u0000(?:orgs|context)\u0000)/);
  const strings: string[] = [];
  const values: unknown[] = [];
  parts.forEach((part, i) => {
    if (i % 2 === 0) strings.push(i === 0 ? part : `::bigint[]${part}`);
    else values.push(part === ORGS ? scope.orgIds : scope.contextOrgIds);
  });
  return [new Sql(strings, values)];
}

/** A condition to append to a statement written with fixed placeholders (` and (...)`), and the values it binds. */
export interface Clause {
  readonly text: string;
  readonly values: readonly unknown[];
}

/**
 * The condition for statements written as text (the by-id and grouped loaders), numbering its
 * parameters from `$<firstParam>`; empty for an unscoped key.
 */
export function visibleClause(scope: AccessScope | null | undefined, kind: ScopedKind, alias: string, firstParam: number): Clause {
  if (!scope) return { text: '', values: [] };
  const values: unknown[] = [];
  const numbers = new Map<string, number>();
  const text = PREDICATES[kind](alias).replace(/\u0000(?:orgs|context)\u0000/g, (marker) => {
    let n = numbers.get(marker);
    if (n === undefined) {
      n = firstParam + values.length;
      numbers.set(marker, n);
      values.push(marker === ORGS ? scope.orgIds : scope.contextOrgIds);
    }
    return `$${n}::bigint[]`;
  });
  return { text: ` and ${text}`, values };
}
