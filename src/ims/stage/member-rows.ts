import { normalizeRoleType } from '../options/role-types';
import { attribute, child, childrenNamed, textAt, type ElementNode } from '../xml/element-node';
import type { MembershipContext } from '../xml/xml-record';
import { courseCode } from './course-code';
import { recstatusOf, rejectElement, warnElement, type RowContext } from './row-context';
import { stagingValues } from './staging-layout';
import { roleDates } from './timeframe';

/**
 * A `<member>` as staging rows, one per `<role>`. Moodle reads only a member's first role; the
 * binding allows several (a person both Learner and Mentor), so each is applied. Problems that
 * need the database (unknown person, role not mapped) are decided in the apply; this only
 * refuses what no database can fix.
 *
 * `<status>1</status>` enrols; any other status, or `recstatus="3"` on the role, is an
 * unenrol instruction. A role without `<status>` is refused: Moodle would read it as an
 * unenrol, and a file that merely omits the element must not unenrol anyone.
 */
export function memberRows(ctx: RowContext, ord: number, node: ElementNode, membership: MembershipContext): { line: number; values: (string | null)[] }[] {
  const groupKey = courseCode(membership.groupId, ctx.options.truncateCourseCodes);
  const key = textAt(node, 'sourcedid', 'id') ?? '';
  const recordKey = `${groupKey} ${key}`.trim();
  if (key === '') {
    rejectElement(ctx, node, 'ims.member.id_missing', 'the <member> has no <sourcedid><id>, so it names no one; it was skipped', recordKey);
    return [];
  }
  const idtype = textAt(node, 'idtype') || attribute(child(node, 'idtype'), 'idtype');
  if (idtype === '2') {
    rejectElement(ctx, node, 'ims.member.group_member', 'the member is a group (idtype 2); groups inside groups are not supported, as in Moodle', recordKey);
    return [];
  }
  const roles = childrenNamed(node, 'role');
  if (roles.length === 0) {
    rejectElement(ctx, node, 'ims.member.role_missing', 'the <member> has no <role>, so there is nothing to enrol it as', recordKey);
    return [];
  }
  const rows: { line: number; values: (string | null)[] }[] = [];
  for (const role of roles) {
    const values = roleRow(ctx, ord, role, node, membership, groupKey, key, recordKey);
    if (values) rows.push({ line: role.line, values });
  }
  return rows;
}

function roleRow(
  ctx: RowContext,
  ord: number,
  role: ElementNode,
  member: ElementNode,
  membership: MembershipContext,
  groupKey: string,
  personKey: string,
  recordKey: string,
): (string | null)[] | null {
  // The attribute is the binding's; `<roletype>` inside the role or member is a Capita quirk
  // (Moodle's `imscapitafix`), accepted whenever the attribute is missing.
  const rawType = attribute(role, 'roletype') || textAt(role, 'roletype') || textAt(member, 'roletype') || '';
  if (rawType === '') return rejectElement(ctx, role, 'ims.role.type_missing', 'the <role> has no roletype, so it cannot be mapped to a role', recordKey);
  const recstatus = recstatusOf(ctx, role, recordKey);
  if (recstatus === null) return null;
  const status = textAt(role, 'status');
  if (status === undefined || status === '') {
    return rejectElement(ctx, role, 'ims.role.status_missing', 'the <role> has no <status> (1 active, 0 inactive); it was neither enrolled nor unenrolled', recordKey);
  }
  if (!/^\d+$/.test(status)) {
    return rejectElement(ctx, role, 'ims.role.status_invalid', '<status> must be 1 (active) or 0 (inactive)', recordKey);
  }
  const dates = roleDates(role);
  for (const which of dates.invalid) {
    warnElement(ctx, role, 'ims.timeframe.invalid', `the restricted <${which}> date is not a YYYY-MM-DD date; the enrollment was left open at that end`, recordKey);
  }
  const roletype = normalizeRoleType(rawType);
  const mapped = ctx.options.roles.get(roletype);
  const cohort = firstCohort(role);
  return stagingValues({
    ord: String(ord),
    kind: 'member',
    path: role.path,
    recstatus: String(recstatus),
    key: personKey,
    source: textAt(member, 'sourcedid', 'source'),
    group_key: groupKey,
    membership_ord: String(membership.ord),
    enrollment_key: enrollmentKey(groupKey, personKey, roletype),
    roletype,
    role: mapped ?? null,
    active: Number(status) === 1 && recstatus !== 3 ? 't' : 'f',
    begin_date: dates.begin,
    end_date: dates.end,
    cohort: cohort || null,
  });
}

/**
 * The sourcedId of the enrollment a role makes (IMS has none): course code, person and role
 * type, each escaped so that a `|` inside an id cannot make two keys collide. Keyed by role
 * type rather than mapped role, so that changing the role map updates enrollments in place.
 */
export function enrollmentKey(groupKey: string, personKey: string, roletype: string): string {
  const part = (value: string): string => value.replace(/[\\|]/g, (c) => `\\${c}`);
  return `${part(groupKey)}|${part(personKey)}|${part(roletype)}`;
}

/** `<extension><cohort>` of a role: the name of a group of the class to put the member in. */
function firstCohort(role: ElementNode): string | undefined {
  for (const extension of childrenNamed(role, 'extension')) {
    const cohort = textAt(extension, 'cohort');
    if (cohort) return cohort;
  }
  return undefined;
}

/** A `<membership>` as a staging row: its course code and how many members it had. */
export function membershipRow(ctx: RowContext, ord: number, node: ElementNode, membership: MembershipContext, members: number): (string | null)[] | null {
  const key = courseCode(membership.groupId, ctx.options.truncateCourseCodes);
  if (key === '') {
    rejectElement(
      ctx,
      node,
      'ims.membership.id_missing',
      `the <membership> has no <sourcedid><id> naming its course; its ${members} member(s) were skipped`,
    );
    return null;
  }
  return stagingValues({ ord: String(ord), kind: 'membership', path: node.path, key, members: String(members) });
}
