import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed, expiring links: `path?expires=<unix seconds>&sig=<HMAC-SHA256 of path and expiry>`.
 * Anyone holding the link may fetch it until it expires (for a browser, a mail client, an
 * auditor without an API key); changing the path or the expiry breaks the signature.
 */
export class UrlSigner {
  private readonly key: Buffer;

  /** @param key URL_SIGNING_KEY; without it a random key, so links work on this process only. */
  constructor(
    key: string | undefined,
    private readonly ttlSeconds: number,
    private readonly publicUrl: string | undefined,
  ) {
    this.key = key ? Buffer.from(key, 'utf8') : randomBytes(32);
  }

  /** A link to `path` (beginning with `/`), absolute when PUBLIC_URL is set. */
  sign(path: string, now = Date.now()): string {
    const expires = Math.floor(now / 1000) + this.ttlSeconds;
    return `${this.publicUrl ?? ''}${path}?expires=${expires}&sig=${this.signature(path, expires)}`;
  }

  /** Whether `sig` signs `path` until `expires` and that time has not passed. */
  verify(path: string, expires: unknown, sig: unknown, now = Date.now()): boolean {
    if (typeof expires !== 'string' || !/^\d{1,12}$/.test(expires) || typeof sig !== 'string') return false;
    if (Number(expires) * 1000 < now) return false;
    const expected = Buffer.from(this.signature(path, Number(expires)), 'utf8');
    const given = Buffer.from(sig, 'utf8');
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private signature(path: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${path}\n${expires}`).digest('base64url');
  }
}
