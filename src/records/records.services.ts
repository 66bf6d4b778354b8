import type { DataSource } from 'typeorm';
import type { AccessScope } from '../auth/scope/access-scope';
import type { IdentityService } from '../identity';
import { ComplianceService } from './compliance/compliance.service';
import { LearningRecordService } from './history/learning-record.service';
import { LearningItemService } from './items/learning-item.service';
import { ExternalRecordService } from './external/external-record.service';

export interface RecordsServices {
  readonly items: LearningItemService;
  readonly records: LearningRecordService;
  readonly compliance: ComplianceService;
  /** Records pushed or uploaded by systems without xAPI. */
  readonly external: ExternalRecordService;
}

export function createRecordsServices(db: DataSource, identity: IdentityService): RecordsServices {
  return { items: new LearningItemService(db), records: new LearningRecordService(db, identity), compliance: new ComplianceService(db), external: new ExternalRecordService(db, identity) };
}

/** The same services for a scoped key (per request): learning records narrowed to users it may see. */
export function scopeRecordsServices(services: RecordsServices, db: DataSource, identity: IdentityService, scope: AccessScope): RecordsServices {
  return { ...services, records: new LearningRecordService(db, identity, scope) };
}
