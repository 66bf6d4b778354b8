import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface ContentDigest {
  readonly sha256: Buffer;
  readonly size: number;
}

/** SHA-256 and length of a stream, read chunk by chunk (never the whole content in memory). */
export async function digestStream(input: Readable, signal?: AbortSignal): Promise<ContentDigest> {
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    input,
    async function (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        size += chunk.length;
        hash.update(chunk);
      }
    },
    signal ? { signal } : {},
  );
  return { sha256: hash.digest(), size };
}

export function digestFile(file: string, signal?: AbortSignal): Promise<ContentDigest> {
  return digestStream(createReadStream(file), signal);
}
