import type { Readable } from 'node:stream';
import pRetry from 'p-retry';
import SftpClient from 'ssh2-sftp-client';
import { hostKeyFingerprint, sameFingerprint } from './host-key';
import { classifyConnectFailure, SftpConnectError } from './sftp-errors';

export interface SftpTarget {
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password?: string | null;
  readonly privateKey?: string | null;
  readonly passphrase?: string | null;
  /**
   * The pinned `SHA256:...` host key. With null the handshake stops at the host key (so a test
   * can show it) and no credentials are ever sent: ssh2 would otherwise accept any key.
   */
  readonly hostKeyFingerprint: string | null;
}

/** Timings; the defaults follow research/ingest.md §2. Tests shorten them. */
export interface SftpTuning {
  readonly readyTimeoutMs: number;
  readonly keepaliveIntervalMs: number;
  readonly keepaliveCountMax: number;
  /** Extra attempts after the first for transient failures (refused, reset, timeouts). */
  readonly connectRetries: number;
  readonly retryMinMs: number;
  readonly retryMaxMs: number;
  /** `end()` can hang when the server stops answering (ssh2-sftp-client #591); we stop waiting then. */
  readonly endTimeoutMs: number;
}

export const DEFAULT_SFTP_TUNING: SftpTuning = {
  readyTimeoutMs: 20_000,
  keepaliveIntervalMs: 10_000,
  keepaliveCountMax: 3,
  connectRetries: 4,
  retryMinMs: 1_000,
  retryMaxMs: 15_000,
  endTimeoutMs: 5_000,
};

export interface RemoteEntry {
  readonly name: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

export interface OpenOptions {
  readonly label?: string;
  readonly signal?: AbortSignal;
}

/**
 * One SFTP connection, made new for each job and never reused after `close()` (the client
 * leaks listeners when reused). Connecting verifies the host key against the pinned
 * fingerprint, retries transient failures with exponential backoff, and gives up at once on a
 * wrong host key or wrong credentials.
 */
export class SftpSession {
  private lostError: Error | null = null;
  private closing = false;
  private readonly streams = new Set<Readable>();

  private constructor(
    private readonly client: SftpClient,
    private readonly tuning: SftpTuning,
    /** The fingerprint the server presented (equal to the pinned one). */
    readonly fingerprint: string,
    /** Connection attempts it took. */
    readonly attempts: number,
  ) {}

  static async open(target: SftpTarget, tuning: SftpTuning = DEFAULT_SFTP_TUNING, options: OpenOptions = {}): Promise<SftpSession> {
    let attempts = 0;
    const connectOnce = async (): Promise<SftpSession> => {
      options.signal?.throwIfAborted();
      attempts += 1;
      const host = { pinned: target.hostKeyFingerprint, presented: null as string | null, matched: false };
      let session: SftpSession | undefined;
      const client = new SftpClient(options.label ?? 'learngraph', {
        // ssh2-sftp-client logs to the console by default; a loss is reported through the session instead.
        error: (error: unknown) => session?.markLost(error instanceof Error ? error : new Error(String(error))),
        end: () => session?.markLost(new Error('the server ended the connection')),
        close: () => session?.markLost(new Error('the connection closed')),
      });
      try {
        await client.connect({
          host: target.host,
          port: target.port,
          username: target.username,
          ...(target.password ? { password: target.password } : {}),
          ...(target.privateKey ? { privateKey: target.privateKey } : {}),
          ...(target.passphrase ? { passphrase: target.passphrase } : {}),
          readyTimeout: tuning.readyTimeoutMs,
          keepaliveInterval: tuning.keepaliveIntervalMs,
          keepaliveCountMax: tuning.keepaliveCountMax,
          hostVerifier: (key: Buffer): boolean => {
            host.presented = hostKeyFingerprint(key);
            host.matched = host.pinned !== null && sameFingerprint(host.presented, host.pinned);
            return host.matched;
          },
        });
      } catch (error) {
        await forceEnd(client, tuning.endTimeoutMs);
        const failure = classifyConnectFailure(error, host, attempts);
        throw failure.permanent ? new pRetry.AbortError(failure) : failure;
      }
      session = new SftpSession(client, tuning, host.presented as string, attempts);
      return session;
    };
    try {
      return await pRetry(connectOnce, {
        retries: tuning.connectRetries,
        factor: 2,
        minTimeout: tuning.retryMinMs,
        maxTimeout: tuning.retryMaxMs,
        randomize: true,
        onFailedAttempt: () => options.signal?.throwIfAborted(),
      });
    } catch (error) {
      if (error instanceof SftpConnectError) {
        // p-retry hands back the last attempt's error; say how many attempts it took.
        throw new SftpConnectError(error.reason, error.message, error.presentedFingerprint, attempts);
      }
      throw error;
    }
  }

  /** Set when the connection died under us; every later call fails with it. */
  get lost(): Error | null {
    return this.lostError;
  }

  /** Regular files of a folder (no directories or links), as the server reports them. */
  async list(folder: string): Promise<RemoteEntry[]> {
    this.assertAlive();
    const entries = await this.client.list(folder);
    return entries
      .filter((e) => e.type === '-')
      .map((e) => ({ name: e.name, size: e.size, modifiedAt: new Date(e.modifyTime) }));
  }

  async stat(file: string): Promise<{ size: number; modifiedAt: Date } | null> {
    this.assertAlive();
    const found = await this.client.exists(file);
    if (found !== '-') return null;
    const stats = await this.client.stat(file);
    return { size: stats.size, modifiedAt: new Date(stats.modifyTime) };
  }

  /**
   * A stream of the file's bytes from `start` to `end` (inclusive; the size known from the
   * listing, so a file still growing does not leak in). It fails, never hangs, if the
   * connection is lost: keepalive notices a silent server.
   */
  read(file: string, start = 0, end?: number): Readable {
    this.assertAlive();
    const options = { start, autoClose: true, ...(end !== undefined ? { end } : {}) };
    const stream = this.client.createReadStream(file, options) as unknown as Readable;
    // When a connection dies with several reads in flight, ssh2 can emit "No response from
    // server" more than once, the later ones after the reader has let go. The reader still sees
    // the first error through its own listener; the later ones must not crash the process.
    stream.on('error', () => {});
    this.streams.add(stream);
    stream.once('close', () => this.streams.delete(stream));
    return stream;
  }

  async mkdir(folder: string): Promise<void> {
    this.assertAlive();
    if ((await this.client.exists(folder)) === 'd') return;
    await this.client.mkdir(folder, true);
  }

  async rename(from: string, to: string): Promise<void> {
    this.assertAlive();
    await this.client.rename(from, to);
  }

  async exists(file: string): Promise<boolean> {
    this.assertAlive();
    return (await this.client.exists(file)) !== false;
  }

  async delete(file: string): Promise<void> {
    this.assertAlive();
    await this.client.delete(file);
  }

  /**
   * Ends the connection; resolves `timed-out` instead of hanging when the server does not
   * answer, after dropping the socket.
   */
  async close(): Promise<'closed' | 'timed-out'> {
    if (this.closing) return 'closed';
    this.closing = true;
    for (const stream of this.streams) stream.destroy();
    return forceEnd(this.client, this.tuning.endTimeoutMs);
  }

  private markLost(error: Error): void {
    if (this.closing || this.lostError) return;
    this.lostError = error;
    // ssh2 leaves pending reads waiting on a dead channel in some cases: fail them now.
    for (const stream of this.streams) stream.destroy(new Error(`SFTP connection lost: ${error.message}`));
  }

  private assertAlive(): void {
    if (this.lostError) throw new Error(`SFTP connection lost: ${this.lostError.message}`);
  }
}

async function forceEnd(client: SftpClient, timeoutMs: number): Promise<'closed' | 'timed-out'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), timeoutMs);
  });
  const ended = client.end().then(
    () => 'closed' as const,
    () => 'closed' as const,
  );
  const result = await Promise.race([ended, timedOut]);
  clearTimeout(timer);
  // The typings omit the underlying ssh2 Client; dropping its socket frees everything.
  if (result === 'timed-out') (client as unknown as { client: { destroy(): void } }).client.destroy();
  return result;
}
