import type { Page } from './keyset';
import { PageInfo } from './page-info.type';

/** A page's Relay page info; its two cursors are encoded only if a client selects them. */
export function pageInfoOf(page: Page<unknown>): PageInfo {
  const info = Object.assign(new PageInfo(), { hasNextPage: page.hasNextPage, hasPreviousPage: page.hasPreviousPage });
  return Object.defineProperties(info, {
    startCursor: { get: () => page.cursorAt(0), enumerable: true },
    endCursor: { get: () => page.cursorAt(page.rows.length - 1), enumerable: true },
  });
}
