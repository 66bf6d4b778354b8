import { createHash, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { RemoteFolder } from '../folder/remote-folder';

export interface DownloadTarget {
  readonly path: string;
  readonly size: number;
  readonly modifiedAt: Date;
}

export interface DownloadOptions {
  /** Reconnect-and-continue attempts after a cut. */
  readonly maxResumes: number;
  readonly resumeDelayMs: number;
  readonly signal?: AbortSignal;
  readonly onResume?: (offset: number, error: Error) => void;
}

/** The file is not what was listed any more: read it again once it is stable. */
export class FileChangedError extends Error {
  override readonly name = 'FileChangedError';
}

/** The connection kept failing mid-file, more often than `maxResumes`. */
export class DownloadFailedError extends Error {
  override readonly name = 'DownloadFailedError';
}

/**
 * The bytes of one remote file as a single stream, straight from the server into whoever
 * reads it, hashed on the way. When the connection is cut, it reconnects (a new client) and
 * goes on from the byte where it stopped (`start` offset), after checking the file is the
 * same size and mtime, so the reader never sees the cut and no byte is read twice. A file
 * that changed meanwhile fails the stream instead: the import then applies nothing.
 */
export class ResumableDownload {
  private readonly hash: Hash = createHash('sha256');
  private received = 0;
  private resumed = 0;
  private finished = false;

  constructor(
    private readonly folder: RemoteFolder,
    private readonly target: DownloadTarget,
    private readonly options: DownloadOptions,
  ) {}

  get bytes(): number {
    return this.received;
  }

  get resumes(): number {
    return this.resumed;
  }

  get complete(): boolean {
    return this.finished;
  }

  /** SHA-256 of the whole file, once the stream has ended. */
  digest(): Buffer {
    if (!this.finished) throw new Error('The download has not finished');
    return this.hash.copy().digest();
  }

  stream(): Readable {
    return Readable.from(this.chunks(), { objectMode: false, highWaterMark: 64 * 1024 });
  }

  /**
   * Reads whatever the consumer of `stream` left unread (it may have stopped early), only to
   * hash it, so the digest always covers the whole file.
   */
  async finish(stream: Readable): Promise<void> {
    if (this.finished) return;
    if (!stream.destroyed) {
      stream.destroy();
      await finished(stream).catch(() => {});
    }
    for await (const _chunk of this.chunks()) {
      // hashed and counted in chunks()
    }
  }

  private async *chunks(): AsyncGenerator<Buffer> {
    const { path, size } = this.target;
    while (this.received < size) {
      this.options.signal?.throwIfAborted();
      const source = this.folder.read(path, this.received, size - 1);
      try {
        for await (const chunk of source as AsyncIterable<Buffer>) {
          const take = Math.min(chunk.length, size - this.received);
          const piece = take === chunk.length ? chunk : chunk.subarray(0, take);
          this.hash.update(piece);
          this.received += piece.length;
          yield piece;
        }
        if (this.received < size) throw new Error(`the server ended the file at byte ${this.received} of ${size}`);
      } catch (error) {
        source.destroy();
        if (this.options.signal?.aborted || error instanceof FileChangedError) throw error;
        if (this.resumed >= this.options.maxResumes) {
          throw new DownloadFailedError(`Download of ${path} failed at byte ${this.received} of ${size} after ${this.resumed} resumes: ${(error as Error).message}`);
        }
        this.resumed += 1;
        this.options.onResume?.(this.received, error as Error);
        await sleep(this.options.resumeDelayMs, undefined, this.options.signal ? { signal: this.options.signal } : {});
        await this.reopen();
      }
    }
    this.finished = true;
  }

  private async reopen(): Promise<void> {
    await this.folder.reconnect();
    const now = await this.folder.stat(this.target.path);
    if (!now || now.size !== this.target.size || now.modifiedAt.getTime() !== this.target.modifiedAt.getTime()) {
      throw new FileChangedError(`${this.target.path} changed while it was being read; it will be read again once it is stable`);
    }
  }
}
