import type { SecretBox } from '../shared/secret-box';
import type { SourceEntity } from './source.entity';

/** The associated data each secret is sealed with: a ciphertext only opens in its own column. */
const PURPOSE = {
  password: 'source.password',
  privateKey: 'source.private_key',
  passphrase: 'source.passphrase',
} as const;

export type SecretName = keyof typeof PURPOSE;

/** Seals and opens a source's secrets. Plain secrets exist only in memory, for one connection. */
export class SourceSecrets {
  constructor(private readonly box: SecretBox) {}

  seal(name: SecretName, plain: string): Buffer {
    return this.box.seal(plain, PURPOSE[name]);
  }

  open(source: Pick<SourceEntity, 'passwordEnc' | 'privateKeyEnc' | 'passphraseEnc'>): {
    password: string | null;
    privateKey: string | null;
    passphrase: string | null;
  } {
    return {
      password: source.passwordEnc ? this.box.open(source.passwordEnc, PURPOSE.password) : null,
      privateKey: source.privateKeyEnc ? this.box.open(source.privateKeyEnc, PURPOSE.privateKey) : null,
      passphrase: source.passphraseEnc ? this.box.open(source.passphraseEnc, PURPOSE.passphrase) : null,
    };
  }
}
