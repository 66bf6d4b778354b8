import type { SftpTuning } from '../../ingest/sftp/sftp-session';
import { DomainError } from '../../shared/domain-error';
import { connectionError } from '../source-errors';
import { SourceKind } from '../source-enums';
import type { SourceSecrets } from '../source-secrets';
import type { SourceEntity } from '../source.entity';
import { LocalFolder } from './local-folder';
import type { RemoteFolder } from './remote-folder';
import { SftpFolder } from './sftp-folder';

export interface FolderDeps {
  readonly secrets: SourceSecrets;
  readonly sftpTuning: SftpTuning;
  readonly folderRoots: readonly string[];
}

/** A new connection to a source's folder (one per job, never shared). */
export async function openSourceFolder(source: SourceEntity, deps: FolderDeps, signal?: AbortSignal): Promise<RemoteFolder> {
  if (source.kind === SourceKind.LOCAL_FOLDER) return LocalFolder.open(source.folder, deps.folderRoots);
  if (source.kind !== SourceKind.SFTP) throw new DomainError('NOT_CONFIGURED', `Source ${source.name} has an unknown kind ${source.kind}`);
  const secrets = deps.secrets.open(source);
  try {
    return await SftpFolder.open(
      {
        host: source.host ?? '',
        port: source.port ?? 22,
        username: source.username ?? '',
        password: secrets.password,
        privateKey: secrets.privateKey,
        passphrase: secrets.passphrase,
        hostKeyFingerprint: source.hostKeyFingerprint,
      },
      source.folder,
      deps.sftpTuning,
      signal,
    );
  } catch (error) {
    throw connectionError(error);
  }
}
