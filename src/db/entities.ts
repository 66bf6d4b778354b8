import { ApiKeyEntity } from '../auth/api-key.entity';
import { SyncJobIssueEntity } from '../jobs/sync-job-issue.entity';
import { SyncJobEntity } from '../jobs/sync-job.entity';

/** Every TypeORM entity, listed explicitly (no globs: a moved file must fail loudly). */
export const entities: Function[] = [ApiKeyEntity, SyncJobEntity, SyncJobIssueEntity];
