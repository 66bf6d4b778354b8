import type { DataSource } from 'typeorm';
import type { IdentityService } from '../identity';
import { ComplianceService } from './compliance/compliance.service';
import { LearningRecordService } from './history/learning-record.service';
import { LearningItemService } from './items/learning-item.service';

export interface RecordsServices {
  readonly items: LearningItemService;
  readonly records: LearningRecordService;
  readonly compliance: ComplianceService;
}

export function createRecordsServices(db: DataSource, identity: IdentityService): RecordsServices {
  return { items: new LearningItemService(db), records: new LearningRecordService(db, identity), compliance: new ComplianceService(db) };
}
