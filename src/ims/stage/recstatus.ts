import { attribute, type ElementNode } from '../xml/element-node';

/** IMS `recstatus`: 1 add, 2 update, 3 delete; absent is "unspecified" (0), which Moodle treats as add. */
export type Recstatus = 0 | 1 | 2 | 3;

/** The element's recstatus, or `invalid` for a value that is none of 1, 2, 3. */
export function readRecstatus(node: ElementNode): Recstatus | 'invalid' {
  const raw = attribute(node, 'recstatus');
  if (raw === undefined || raw === '') return 0;
  if (raw === '1' || raw === '2' || raw === '3') return Number(raw) as Recstatus;
  return 'invalid';
}
