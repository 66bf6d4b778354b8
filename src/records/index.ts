/**
 * The records domain's public module: learning items and records from every learning source,
 * the learner timeline, validity, equivalences and compliance, and the LMS importer.
 */
import type { PersonReference } from '../identity';

export { recordsEntities } from './records.entities';
export { type RecordsServices, createRecordsServices } from './records.services';
export { type RecordsLoaders, createRecordsLoaders } from './records.loaders';
export { recordsNodes } from './records.nodes';
export { recordsResolvers } from './records.resolvers';
export { LMS_JOB_KIND, lmsJobHandler, type LmsJobParams } from './lms/lms-job';
export { lmsImportCommand } from './lms/lms.cli';
export { RECORDS_JOB_KIND, recordsJobHandler, type RecordsJobParams } from './external/csv/records-job';
export { recordsImportCommand } from './external/csv/records.cli';
export { createRecordsFormatImporter } from './external/csv/records-format-importer';
export { createLmsFormatImporter } from './lms/lms-format-importer';
export { parseLmsOptions, type LmsOptions } from './lms/lms-options';
export { importLmsFile, type LmsFile, type LmsImportResult } from './lms/lms-import';
export { LearningHistoryEntry, LearningRecord } from './history/history.types';
export { LearningKind, LearningItemKind } from './model/learning-kind';
export { LearningStatus } from './model/learning-status';

/** Tables of this domain whose rows belong to outside persons: identity keeps their users current. */
export const recordsPersonReferences: readonly PersonReference[] = [{ table: 'learning_record', personColumn: 'person_id', userColumn: 'user_id' }];

/** What other domains show of items and records (compliance: scorecards, certificates). */
export { LearningItem } from './items/learning-item.types';
export { toLearningItem } from './items/learning-item.mapper';
export { toLearningRecord } from './history/history.mapper';
export type { HistoryRow, LearningItemRow } from './model/record-rows';
export { LearningItemEntity } from './model/learning-item.entity';
export { EdReflectGoalEntry, EdReflectObservationEntry } from './history/edreflect-entries';
