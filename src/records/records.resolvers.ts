import { ComplianceResolver } from './compliance/compliance.resolver';
import { EnrollmentHistoryEntryResolver, LearningRecordResolver, UnmatchedRecordsResolver } from './history/learning-record.resolver';
import { UserLearningResolver } from './history/user-learning.resolver';
import { LearningItemResolver } from './items/learning-item.resolver';
import { LmsResolver } from './lms/lms.resolver';
import { ExternalRecordResolver } from './external/external-record.resolver';
import { RecordsImportResolver } from './external/csv/records-import.resolver';

/** Every resolver class of the records graph. */
export const recordsResolvers: Function[] = [
  UserLearningResolver,
  LearningRecordResolver,
  EnrollmentHistoryEntryResolver,
  UnmatchedRecordsResolver,
  LearningItemResolver,
  ComplianceResolver,
  LmsResolver,
  ExternalRecordResolver,
  RecordsImportResolver,
];
