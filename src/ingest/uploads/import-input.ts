import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DomainError } from '../../shared/domain-error';
import type { UploadStore } from './upload-store';

/** An uploaded file as the GraphQL layer hands it over. */
export interface IncomingUpload {
  readonly filename: string;
  createReadStream(): Readable;
}

/** Where a queued import reads its input: an upload kept in Postgres, or a server path. */
export interface ImportInputParams {
  readonly uploadId?: string;
  readonly path?: string;
}

export interface ResolvedImportInput {
  readonly params: ImportInputParams;
  /** For people: the file's name. */
  readonly label: string;
}

/**
 * Turns an import mutation's `{ upload | path }` into job parameters a worker on any machine can
 * use: an upload is stored in Postgres first; a path must lie inside one of the import roots
 * (an API key must not read arbitrary server files).
 */
export class ImportInputs {
  constructor(
    private readonly uploads: UploadStore,
    private readonly importRoots: readonly string[],
    private readonly maxUploadBytes: number,
  ) {}

  async resolve(input: { upload?: Promise<IncomingUpload> | IncomingUpload | null; path?: string | null }): Promise<ResolvedImportInput> {
    const hasUpload = input.upload != null;
    const hasPath = input.path != null && input.path !== '';
    if (hasUpload === hasPath) throw new DomainError('BAD_USER_INPUT', 'Give either `upload` or `path`, not both and not neither');
    if (hasUpload) {
      const file = await input.upload;
      if (!file) throw new DomainError('BAD_USER_INPUT', 'The upload is empty');
      // Open the stream before anything else awaits: an upload over the limit errors on it
      // at once, and that error must reach save() instead of going unhandled.
      const stream = file.createReadStream();
      stream.on('error', () => {});
      const stored = await this.uploads.save(file.filename, stream, this.maxUploadBytes);
      return { params: { uploadId: stored.id }, label: stored.name };
    }
    const requested = path.resolve(input.path as string);
    const inside = this.importRoots.some((root) => requested === root || requested.startsWith(`${root}${path.sep}`));
    if (!inside) {
      throw new DomainError('FORBIDDEN', `Imports by path must read from ${this.importRoots.join(' or ')} (IMPORT_ROOTS)`, { importRoots: this.importRoots });
    }
    if (!existsSync(requested)) throw new DomainError('BAD_USER_INPUT', `${requested} does not exist on the server`);
    return { params: { path: requested }, label: path.basename(requested) };
  }
}

/**
 * Runs `fn` on a local path for the job's input, fetching and cleaning up an upload's copy.
 * The upload itself has served its purpose once the job ends, whatever the outcome, and is
 * deleted then; a job interrupted (`signal` aborted) keeps it for the retry.
 */
export async function withImportFile<T>(
  uploads: UploadStore,
  params: { readonly uploadId?: string | undefined; readonly path?: string | undefined },
  signal: AbortSignal,
  fn: (localPath: string) => Promise<T>,
): Promise<T> {
  if (params.path) return fn(params.path);
  const uploadId = params.uploadId;
  if (!uploadId) throw new DomainError('BAD_USER_INPUT', 'The job names neither an upload nor a path');
  try {
    const copy = await uploads.materialize(uploadId);
    try {
      return await fn(copy.path);
    } finally {
      await copy.dispose();
    }
  } finally {
    if (!signal.aborted) await uploads.delete(uploadId);
  }
}
