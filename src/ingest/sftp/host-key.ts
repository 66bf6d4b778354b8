import { createHash, timingSafeEqual } from 'node:crypto';

/** `SHA256:` + unpadded base64, exactly as `ssh-keygen -lf` and OpenSSH clients print it. */
export const FINGERPRINT_PATTERN = /^SHA256:[A-Za-z0-9+/]{43}$/;

/** The SHA256 fingerprint of a host key blob (what ssh2 hands to `hostVerifier`). */
export function hostKeyFingerprint(key: Buffer): string {
  return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** Accepts the form people paste (trailing `=`, spaces) and returns the canonical one, or null. */
export function normalizeFingerprint(value: string): string | null {
  const trimmed = value.trim().replace(/=+$/, '');
  return FINGERPRINT_PATTERN.test(trimmed) ? trimmed : null;
}

export function sameFingerprint(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
