import { Transform, type TransformCallback } from 'node:stream';
import { FileError } from '../file-error';
import type { PackageLimits } from './limits';

/**
 * Bytes each entry really produced, shared by all entries of one package so that the total
 * limit holds however the entries are read. Reading an entry again does not count it twice.
 */
export class ByteBudget {
  private readonly readByEntry = new Map<string, number>();
  private total = 0;

  constructor(private readonly limits: PackageLimits) {}

  /** Records that `entry` has now produced `bytes` in this read; throws past the total limit. */
  charge(entry: string, bytes: number): void {
    const before = this.readByEntry.get(entry) ?? 0;
    if (bytes <= before) return;
    this.readByEntry.set(entry, bytes);
    this.total += bytes - before;
    if (this.total > this.limits.maxTotalBytes) {
      throw new FileError(
        'package.too_large',
        `the package unpacks to more than ${this.limits.maxTotalBytes} bytes (the limit for one package); split it`,
        { file: entry },
      );
    }
  }
}

interface LimitOptions {
  readonly entry: string;
  readonly limits: PackageLimits;
  readonly budget: ByteBudget;
  /** Compressed bytes behind this stream, when it is a zip entry (for the ratio check). */
  readonly compressedSize?: number;
}

/**
 * Passes bytes through unchanged while counting them, and fails the stream with a FileError
 * as soon as the entry exceeds its size limit, the package its total, or a compressed entry
 * its compression ratio. This counts what decompression actually yields, so a zip whose
 * headers understate sizes is still stopped after at most one chunk too many.
 */
export class ByteLimit extends Transform {
  private bytes = 0;

  constructor(private readonly options: LimitOptions) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    const { entry, limits, budget, compressedSize } = this.options;
    try {
      if (this.bytes > limits.maxEntryBytes) {
        throw new FileError('package.entry.too_large', `the file is larger than ${limits.maxEntryBytes} bytes, the limit for one file`, {
          file: entry,
        });
      }
      if (compressedSize !== undefined && this.bytes > limits.ratioCheckAboveBytes && this.bytes > limits.maxCompressionRatio * Math.max(compressedSize, 1)) {
        throw new FileError('package.entry.compression_ratio', zipBombMessage(limits), { file: entry });
      }
      budget.charge(entry, this.bytes);
    } catch (error) {
      callback(error as Error);
      return;
    }
    callback(null, chunk);
  }
}

export function zipBombMessage(limits: PackageLimits): string {
  return `the entry expands more than ${limits.maxCompressionRatio} times its compressed size, which real data does not; refused as a possible zip bomb`;
}
