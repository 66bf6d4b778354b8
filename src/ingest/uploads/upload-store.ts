import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import { DomainError } from '../../shared/domain-error';
import { StoredUploadEntity } from './stored-upload.entity';

const CHUNK_BYTES = 1024 * 1024;

export interface LocalCopy {
  /** A private temp folder holding the file under its uploaded name. */
  readonly path: string;
  /** Removes the local copy. */
  dispose(): Promise<void>;
}

/**
 * Uploads in Postgres: streamed in 1 MiB chunks as they arrive (memory stays flat), read back
 * into a temp file by whichever worker imports them (zips need random access).
 */
export class UploadStore {
  constructor(private readonly db: DataSource) {}

  async save(name: string, input: Readable, maxBytes: number): Promise<StoredUploadEntity> {
    const safeName = path.basename(name).replace(/[^\w.\-() ]/g, '_') || 'upload';
    const repo = this.db.getRepository(StoredUploadEntity);
    const upload = await repo.save(repo.create({ name: safeName }));
    const hash = createHash('sha256');
    let seq = 0;
    let size = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async (): Promise<void> => {
      if (pendingBytes === 0) return;
      const data = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await this.db.query(`insert into stored_upload_chunk (upload_id, seq, data) values ($1, $2, $3)`, [upload.id, seq++, data]);
    };
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxBytes) throw new DomainError('PAYLOAD_TOO_LARGE', `the upload is larger than the limit of ${maxBytes} bytes`, { maxBytes });
        hash.update(chunk);
        pending.push(chunk);
        pendingBytes += chunk.length;
        if (pendingBytes >= CHUNK_BYTES) await flush();
      }
      await flush();
    } catch (error) {
      await repo.delete({ id: upload.id });
      throw error;
    }
    await this.db.query(`update stored_upload set size = $2, sha256 = $3, completed_at = now() where id = $1`, [upload.id, size, hash.digest()]);
    return repo.findOneByOrFail({ id: upload.id });
  }

  /** Writes the upload to a private temp folder, chunk by chunk. */
  async materialize(id: string): Promise<LocalCopy> {
    const upload = await this.db.getRepository(StoredUploadEntity).findOneBy({ id });
    if (!upload?.completedAt) throw new DomainError('NOT_FOUND', `upload ${id} does not exist or was not completed`);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'learngraph-upload-'));
    const file = path.join(dir, upload.name);
    const out = createWriteStream(file, { mode: 0o600 });
    try {
      const count = (await this.db.query(`select count(*)::int as n from stored_upload_chunk where upload_id = $1`, [id])) as { n: number }[];
      for (let seq = 0; seq < (count[0]?.n ?? 0); seq++) {
        const rows = (await this.db.query(`select data from stored_upload_chunk where upload_id = $1 and seq = $2`, [id, seq])) as { data: Buffer }[];
        const data = rows[0]?.data;
        if (!data) throw new Error(`upload ${id} misses chunk ${seq}`);
        if (!out.write(data)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      out.end();
      await finished(out);
    } catch (error) {
      out.destroy();
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return { path: file, dispose: () => rm(dir, { recursive: true, force: true }) };
  }

  async delete(id: string): Promise<void> {
    await this.db.getRepository(StoredUploadEntity).delete({ id });
  }
}
