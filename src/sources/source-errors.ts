import { SftpConnectError } from '../ingest/sftp/sftp-errors';
import { DomainError } from '../shared/domain-error';
import { assertNever } from '../shared/invariant';
import { DownloadFailedError, FileChangedError } from './download/resumable-download';

/**
 * Connection and download failures as the job and the graph report them: a wrong host key or wrong
 * credentials are permanent (the job fails once, no retries); anything else failed after
 * every retry.
 */
export function connectionError(error: unknown): unknown {
  if (error instanceof FileChangedError) return new DomainError('CONFLICT', error.message);
  if (error instanceof DownloadFailedError) return new DomainError('CONNECTION_FAILED', error.message);
  if (!(error instanceof SftpConnectError)) return error;
  const details = { presentedFingerprint: error.presentedFingerprint, attempts: error.attempts };
  switch (error.reason) {
    case 'host-key-mismatch':
      return new DomainError('HOST_KEY_MISMATCH', error.message, details);
    case 'host-key-not-pinned':
      return new DomainError('NOT_CONFIGURED', error.message, details);
    case 'auth':
      return new DomainError('AUTH_FAILED', error.message, details);
    case 'network':
      return new DomainError('CONNECTION_FAILED', `${error.message} (${error.attempts} attempt${error.attempts === 1 ? '' : 's'})`, details);
    default:
      return assertNever(error.reason);
  }
}
