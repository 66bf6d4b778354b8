import type { GroupField } from '../options/ims-options';
import { childrenNamed, child, textAt, type ElementNode } from '../xml/element-node';
import { courseCode } from './course-code';
import { recstatusOf, rejectElement, type RowContext } from './row-context';
import { stagingValues } from './staging-layout';

/**
 * A `<group>` as a staging row. Its course code keys the course and class; title, code and
 * summary come from the fields the course mapping names (Moodle's `imscoursemap*`), falling
 * back to the course code when the file lacks the field; the fallback is flagged so that a
 * creation can say so and an update can keep the stored value instead. Org units and the
 * group's timeframe are kept as metadata: Moodle uses the first for categories and ignores
 * the second.
 */
export function groupRow(ctx: RowContext, ord: number, node: ElementNode): (string | null)[] | null {
  const key = courseCode(textAt(node, 'sourcedid', 'id'), ctx.options.truncateCourseCodes);
  if (key === '') return rejectElement(ctx, node, 'ims.group.id_missing', 'the <group> has no <sourcedid><id> (course code); it was skipped');
  const recstatus = recstatusOf(ctx, node, key);
  if (recstatus === null) return null;
  const fields = {
    SHORT: textAt(node, 'description', 'short'),
    LONG: textAt(node, 'description', 'long'),
    FULL: textAt(node, 'description', 'full'),
    COURSECODE: key,
  };
  const pick = (field: GroupField): { value: string | null; fallback: boolean } => {
    if (field === 'IGNORE') return { value: null, fallback: false };
    const value = fields[field];
    return value ? { value, fallback: false } : { value: key, fallback: true };
  };
  const { courseMapping } = ctx.options;
  const title = pick(courseMapping.title);
  const code = pick(courseMapping.courseCode);
  const summary = pick(courseMapping.summary);
  const orgUnits = childrenNamed(child(node, 'org'), 'orgunit').map((u) => u.text.trim());
  return stagingValues({
    ord: String(ord),
    kind: 'group',
    path: node.path,
    recstatus: String(recstatus),
    key,
    source: textAt(node, 'sourcedid', 'source'),
    title: title.value,
    title_fallback: title.fallback ? 't' : 'f',
    code: code.value,
    code_fallback: code.fallback ? 't' : 'f',
    summary: summary.fallback ? null : summary.value,
    org_units: JSON.stringify(orgUnits),
    tf_begin: textAt(node, 'timeframe', 'begin'),
    tf_end: textAt(node, 'timeframe', 'end'),
    adminperiod: textAt(node, 'timeframe', 'adminperiod'),
  });
}
