/** Stored statements becoming learning records (see statement-record-feed.ts). */
export { XapiRecordPendingEntity } from './pending-statement.entity';
export { StatementRecordFeed, STATEMENTS_STORED_CHANNEL } from './statement-record-feed';
export { projectPendingStatements, XAPI_SYSTEM, XAPI_IDENTITY, ifiSql, type ProjectionOutcome } from './statement-records';
export { OUTCOME_VERBS } from './verb-status';
