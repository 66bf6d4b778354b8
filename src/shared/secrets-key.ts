import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { DomainError } from './domain-error';
import type { Logger } from './logger';

export const KEY_FILE = 'secrets.key';

/**
 * Where the secrets key comes from: SECRETS_KEY, or, outside production only, a key file
 * under DATA_DIR that is made on first use (with a warning: whoever can read DATA_DIR can
 * read the secrets). Production without SECRETS_KEY refuses to store or read any secret.
 * Resolved lazily and once.
 */
export function secretsKeyProvider(config: Pick<Config, 'env' | 'secretsKey' | 'dataDir'>, log: Logger): () => Buffer {
  let key: Buffer | undefined = config.secretsKey;
  return () => {
    if (key) return key;
    if (config.env === 'production') {
      throw new DomainError('NOT_CONFIGURED', 'SECRETS_KEY is not set: this server refuses to store or read secrets (set it to 32 random bytes, base64)');
    }
    key = readOrCreateKeyFile(path.join(config.dataDir, KEY_FILE));
    log.warn({ file: path.join(config.dataDir, KEY_FILE) }, 'SECRETS_KEY is not set: using a key file under DATA_DIR (development only; set SECRETS_KEY in production)');
    return key;
  };
}

function readOrCreateKeyFile(file: string): Buffer {
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside, then linked into place: of two processes starting together, one publishes
  // its key whole and the other finds the name taken and reads that key.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `${randomBytes(32).toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(draft, { force: true });
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte base64 key`);
  return key;
}
