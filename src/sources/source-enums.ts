import { registerEnumType } from 'type-graphql';

/** Where a source's files are. */
export enum SourceKind {
  SFTP = 'SFTP',
  LOCAL_FOLDER = 'LOCAL_FOLDER',
}

/** Which importer a source's files go to; the value is the importer registry's key. */
export enum SourceFormat {
  ONEROSTER = 'oneroster',
  LMS = 'lms',
  IMS = 'ims',
  EDREFLECT = 'edreflect',
  /** Learning records CSVs from systems without xAPI (records/external). */
  RECORDS = 'records',
}

/** What happens to a remote file once it has been imported. */
export enum ProcessedFileAction {
  /** Leave it (the LMS keeps files 28 days; the ledger remembers what was imported). */
  LEAVE = 'LEAVE',
  /** Move it into the archive folder. */
  ARCHIVE = 'ARCHIVE',
  DELETE = 'DELETE',
}

registerEnumType(SourceKind, {
  name: 'SourceKind',
  valuesConfig: {
    SFTP: { description: 'An SFTP server, reached with a pinned host key.' },
    LOCAL_FOLDER: { description: 'A folder on the server (inside SOURCE_FOLDER_ROOTS), e.g. a drop folder.' },
  },
});
registerEnumType(SourceFormat, { name: 'SourceFormat', description: 'The importer that reads the source’s files.' });
registerEnumType(ProcessedFileAction, { name: 'ProcessedFileAction', description: 'What happens to a file after a successful import.' });
