import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { printAppSchema } from '../src/graphql/schema';

describe('schema.graphql', () => {
  it('is what the code generates (run `npm run schema` after changing types)', () => {
    const committed = readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');
    assert.equal(committed, printAppSchema());
  });
});
