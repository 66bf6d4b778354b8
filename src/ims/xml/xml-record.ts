import type { ElementNode } from './element-node';

/** Where a `<member>` sits: its `<membership>` and what is known of it when the member closes. */
export interface MembershipContext {
  /** Document order of the membership among all records. */
  readonly ord: number;
  readonly line: number;
  readonly path: string;
  /** The membership's `<sourcedid><id>`, trimmed; null when it has none (its members are then skipped). */
  groupId: string | null;
}

/**
 * A complete element of an IMS file, in document order, as the streaming reader hands it on.
 * Members come one by one (a membership may hold thousands); their membership follows once
 * it closes, with the number of members it had.
 */
export type XmlRecord =
  | { readonly kind: 'properties'; readonly ord: number; readonly node: ElementNode }
  | { readonly kind: 'person'; readonly ord: number; readonly node: ElementNode }
  | { readonly kind: 'group'; readonly ord: number; readonly node: ElementNode }
  | { readonly kind: 'member'; readonly ord: number; readonly node: ElementNode; readonly membership: MembershipContext }
  | { readonly kind: 'membership'; readonly ord: number; readonly node: ElementNode; readonly membership: MembershipContext; readonly members: number };

export type XmlRecordKind = XmlRecord['kind'];
