import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import { SecretBox } from '../../src/shared/secret-box';
import { KEY_FILE, secretsKeyProvider } from '../../src/shared/secrets-key';

describe('the secrets key', () => {
  const log = createLogger('silent');

  it('is required as 32 bytes of base64', () => {
    assert.throws(() => loadConfig({ SECRETS_KEY: 'c2hvcnQ=' }), /SECRETS_KEY: must be 32 bytes/);
    assert.equal(loadConfig({ SECRETS_KEY: Buffer.alloc(32, 1).toString('base64') }).secretsKey?.length, 32);
  });

  it('refuses to store or read secrets in production without SECRETS_KEY', () => {
    const box = new SecretBox(secretsKeyProvider({ env: 'production', secretsKey: undefined, dataDir: '/nonexistent' }, log));
    assert.throws(() => box.seal('x', 'source.password'), (e: { code?: string }) => e.code === 'NOT_CONFIGURED');
  });

  it('outside production, makes one key file under DATA_DIR (mode 600) and keeps using it', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'learngraph-key-'));
    try {
      const first = new SecretBox(secretsKeyProvider({ env: 'development', secretsKey: undefined, dataDir }, log));
      const sealed = first.seal('hunter2', 'source.password');
      const file = path.join(dataDir, KEY_FILE);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').length, 32);
      const second = new SecretBox(secretsKeyProvider({ env: 'test', secretsKey: undefined, dataDir }, log));
      assert.equal(second.open(sealed, 'source.password'), 'hunter2');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
