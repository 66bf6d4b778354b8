import { ApiKeyEntity } from '../auth/api-key.entity';
import { AuditEntryEntity } from '../auth/audit/audit-entry.entity';
import { RateLimitEntity } from '../auth/rate-limit/rate-limit.entity';
import { identityEntities } from '../identity/identity.entities';
import { imsEntities } from '../ims/ims.entities';
import { IngestFileEntity } from '../ingest/ledger/ingest-file.entity';
import { StoredUploadChunkEntity } from '../ingest/uploads/stored-upload-chunk.entity';
import { StoredUploadEntity } from '../ingest/uploads/stored-upload.entity';
import { SyncJobIssueEntity } from '../jobs/sync-job-issue.entity';
import { SyncJobEntity } from '../jobs/sync-job.entity';
import { edReflectEntities } from '../edreflect/edreflect.entities';
import { recordsEntities } from '../records/records.entities';
import { rosterEntities } from '../roster/roster.entities';
import { sourceEntities } from '../sources/source.entities';
import { xapiEntities } from '../xapi/xapi.entities';
import { complianceEntities } from '../compliance/compliance.entities';
import { XapiRecordPendingEntity } from '../xapi/records/pending-statement.entity';
import { XapiPullSourceEntity } from '../xapi/pull/pull-source.entity';

/** Every TypeORM entity, listed explicitly (no globs: a moved file must fail loudly). */
export const entities: Function[] = [ApiKeyEntity, SyncJobEntity, SyncJobIssueEntity, IngestFileEntity, StoredUploadEntity, StoredUploadChunkEntity, ...rosterEntities, ...sourceEntities, ...imsEntities, ...identityEntities, ...recordsEntities, ...edReflectEntities, ...xapiEntities, ...complianceEntities, XapiRecordPendingEntity, AuditEntryEntity, RateLimitEntity, XapiPullSourceEntity];
