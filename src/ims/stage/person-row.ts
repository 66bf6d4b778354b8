import { attribute, child, textAt, type ElementNode } from '../xml/element-node';
import { recstatusOf, rejectElement, type RowContext } from './row-context';
import { stagingValues } from './staging-layout';

/**
 * A `<person>` as a staging row: what Moodle's `process_person_tag` reads, trimmed as Moodle
 * trims it, with its case fixes and sourcedid fallback applied. An absent element stages as
 * null and an empty one as '', so that an update can keep what the file does not mention.
 */
export function personRow(ctx: RowContext, ord: number, node: ElementNode): (string | null)[] | null {
  const key = textAt(node, 'sourcedid', 'id') ?? '';
  if (key === '') return rejectElement(ctx, node, 'ims.person.id_missing', 'the <person> has no <sourcedid><id>, so it cannot be matched to anyone; it was skipped');
  const recstatus = recstatusOf(ctx, node, key);
  if (recstatus === null) return null;
  const { options } = ctx;
  let userid = textAt(node, 'userid');
  if (options.sourcedIdFallback && (userid ?? '') === '') userid = key;
  if (options.lowercaseUsernames && userid !== undefined) userid = userid.toLowerCase();
  const name = (value: string | undefined): string | undefined => (options.fixCasePersonalNames && value !== undefined ? titleCase(value) : value);
  return stagingValues({
    ord: String(ord),
    kind: 'person',
    path: node.path,
    recstatus: String(recstatus),
    key,
    source: textAt(node, 'sourcedid', 'source'),
    userid,
    auth: attribute(child(node, 'userid'), 'authenticationtype'),
    given: name(textAt(node, 'name', 'n', 'given')),
    family: name(textAt(node, 'name', 'n', 'family')),
    fn: textAt(node, 'name', 'fn'),
    email: textAt(node, 'email'),
    url: textAt(node, 'url'),
    locality: textAt(node, 'adr', 'locality'),
    country: textAt(node, 'adr', 'country'),
  });
}

/** PHP's `ucwords(strtolower($s))`, which is what Moodle's "fix case of personal names" does. */
export function titleCase(value: string): string {
  return value.toLowerCase().replace(/(^|[\s])(\S)/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
}
