import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MORE_LIFETIME_MS, decodeMore, encodeMore } from '../../src/xapi/statements/more-cursor';
import { parseFilter } from '../../src/xapi/statements/statement-filter';

describe('xAPI: more cursors', () => {
  const filter = parseFilter({ verb: 'http://adlnet.gov/expapi/verbs/completed', limit: '0' });

  it('treats limit=0 as the server maximum', () => {
    assert.equal(filter.limit, 100);
  });

  it('round-trips the query and position and stays valid for at least 24 hours', () => {
    const now = Date.now();
    const token = encodeMore({ filter, format: 'ids', after: ['2026-01-01T00:00:00.000Z', '7'], expires: now + MORE_LIFETIME_MS });
    assert.deepEqual(decodeMore(token, now + 24 * 3600 * 1000).filter, filter);
    assert.throws(() => decodeMore(token, now + MORE_LIFETIME_MS + 1), /expired/);
    assert.throws(() => decodeMore('not-a-cursor'), /not a valid cursor/);
  });
});
