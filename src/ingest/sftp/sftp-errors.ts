/**
 * Why a connection failed. ssh2 gives auth and host-key failures no `code` (research/ingest.md
 * §2), so they are told apart by message, and host keys by what our own verifier saw.
 */
export type SftpFailureReason = 'host-key-mismatch' | 'host-key-not-pinned' | 'auth' | 'network';

export class SftpConnectError extends Error {
  override readonly name = 'SftpConnectError';

  constructor(
    readonly reason: SftpFailureReason,
    message: string,
    /** The fingerprint the server presented, when it got that far. */
    readonly presentedFingerprint: string | null,
    readonly attempts: number,
  ) {
    super(message);
  }

  /** Retrying cannot help: the key or the credentials are wrong until someone changes them. */
  get permanent(): boolean {
    return this.reason !== 'network';
  }
}

const AUTH_MESSAGES = /authentication methods failed|authentication failure|permission denied|cannot parse privatekey|encrypted private .*key detected|bad passphrase/i;
const HOST_DENIED = /host denied|verification failed/i;

export function classifyConnectFailure(
  error: unknown,
  host: { pinned: string | null; presented: string | null; matched: boolean },
  attempts: number,
): SftpConnectError {
  const message = error instanceof Error ? error.message : String(error);
  if (host.presented !== null && !host.matched) {
    return host.pinned === null
      ? new SftpConnectError(
          'host-key-not-pinned',
          `No host key is pinned for this source; the server presented ${host.presented}. Check it out of band, then set it as hostKeyFingerprint.`,
          host.presented,
          attempts,
        )
      : new SftpConnectError(
          'host-key-mismatch',
          `Host key mismatch: the server presented ${host.presented} but ${host.pinned} is pinned. Nothing was sent to it. If the server's key was changed on purpose, pin the new one.`,
          host.presented,
          attempts,
        );
  }
  if (HOST_DENIED.test(message)) {
    return new SftpConnectError('host-key-mismatch', `Host key verification failed: ${message}`, host.presented, attempts);
  }
  if (AUTH_MESSAGES.test(message)) {
    return new SftpConnectError('auth', `Authentication failed (check the username, password or private key): ${message}`, host.presented, attempts);
  }
  return new SftpConnectError('network', `Could not connect: ${message}`, host.presented, attempts);
}
