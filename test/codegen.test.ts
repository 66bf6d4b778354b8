import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { generate, loadContext } from '@graphql-codegen/cli';

const root = path.resolve(__dirname, '../..');

describe('typed test operations', () => {
  it('match the committed schema and operations (run `npm run codegen` after changing either)', async () => {
    process.chdir(root);
    const context = await loadContext(path.join(root, 'codegen.yml'));
    const outputs = (await generate(context, false)) as { filename: string; content: string }[];
    assert.ok(outputs.length > 0);
    for (const { filename, content } of outputs) {
      assert.equal(readFileSync(path.resolve(root, filename), 'utf8'), content, `${filename} is stale`);
    }
  });
});
