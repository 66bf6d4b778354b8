import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { format } from 'fast-csv';
import type { UploadStore } from '../../ingest';
import type { JobHandler } from '../../jobs/job-handler';
import { DomainError } from '../../shared/domain-error';
import { spreadsheetSafeRow } from '../../shared/spreadsheet-safe';
import { REPORT_HEADERS, type PersonKey, reportBatch } from './report-batch';

export const COMPLIANCE_REPORT_JOB_KIND = 'compliance-report';

export interface ComplianceReportParams {
  readonly orgId: string;
  readonly format: 'CSV';
  readonly expiringWithin: number;
}

/** People per statement: about ten requirements each, a few thousand rows a batch. */
const BATCH_PEOPLE = 2_000;

/**
 * Writes an org's scorecards as CSV (one row per person and requirement, every cell made
 * spreadsheet-safe) into the upload store, batch by batch so memory stays flat, reporting people
 * done as progress; the stored file's id goes into the job's result for the download link.
 */
export function complianceReportJobHandler(uploads: UploadStore): JobHandler {
  return {
    async run(job, { db, progress, signal }) {
      const params = job.params as unknown as ComplianceReportParams;
      const [org] = (await db.query(`select name from org where id = $1 and deleted_at is null`, [params.orgId])) as { name: string }[];
      if (!org) throw new DomainError('NOT_FOUND', `Org ${params.orgId} does not exist`);
      const [{ n }] = (await db.query(
        `with recursive t(id) as (select id from org where id = $1 union select o.id from org o join t on o.parent_id = t.id)
         select count(distinct r.user_id)::int as n from role r join roster_user u on u.id = r.user_id and u.deleted_at is null
          where r.deleted_at is null and r.org_id in (select id from t)`,
        [params.orgId],
      )) as [{ n: number }];
      progress.setPhase('writing');
      progress.setTotal(n);
      const csv = format({ headers: REPORT_HEADERS, writeBOM: true });
      const body = new PassThrough();
      csv.pipe(body);
      const stamp = new Date().toISOString().slice(0, 10);
      const saved = uploads.save(`compliance-${org.name}-${stamp}.csv`, body, Number.MAX_SAFE_INTEGER);
      let after: PersonKey | null = null;
      let rows = 0;
      try {
        for (;;) {
          signal.throwIfAborted();
          const batch = await reportBatch(db, params.orgId, params.expiringWithin, after, BATCH_PEOPLE);
          if (batch.length === 0) break;
          let people = 0;
          for (const row of batch) {
            if (after?.id !== row.id) people++;
            after = row;
            if (row.state === null) continue;
            rows++;
            const cells = spreadsheetSafeRow([row.family_name, row.given_name, row.username, row.identifier, row.email, row.item, row.state, row.due_on, row.completed_on, row.valid_until, row.satisfied_by, row.record_id]);
            if (!csv.write(cells)) await once(csv, 'drain');
          }
          progress.advance(people);
        }
        csv.end();
      } catch (error) {
        csv.destroy(error as Error);
        body.destroy(error as Error);
        await saved.catch(() => undefined);
        throw error;
      }
      const upload = await saved;
      progress.setPhase('done');
      progress.setResult({ reportUploadId: upload.id, format: params.format, rows, bytes: Number(upload.size) });
    },
  };
}
