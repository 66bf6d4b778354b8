import type { Readable } from 'node:stream';
import { FileError } from '../file-error';
import { ByteLimit, type ByteBudget } from './byte-limit';
import type { PackageLimits } from './limits';

interface LimitedStreamOptions {
  readonly entry: string;
  readonly limits: PackageLimits;
  readonly budget: ByteBudget;
  readonly compressedSize?: number;
  /** Turns a source failure (corrupt deflate data, I/O) into the FileError the job reports. */
  readonly describeFailure: (error: Error) => FileError;
}

/**
 * `source` seen through a ByteLimit. Errors of the source reach the consumer as FileErrors, and
 * a consumer that stops early (destroys the stream) releases the source too.
 */
export function limitedStream(source: Readable, options: LimitedStreamOptions): Readable {
  const limit = new ByteLimit(options);
  source.on('error', (error: Error) => limit.destroy(error instanceof FileError ? error : options.describeFailure(error)));
  limit.on('close', () => {
    if (!source.destroyed) source.destroy();
  });
  return source.pipe(limit);
}
