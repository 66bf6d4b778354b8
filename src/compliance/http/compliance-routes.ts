import { once } from 'node:events';
import type { Express, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from '../../shared/logger';
import { certificateData } from '../certificates/certificate-data';
import { certificatePdf } from '../certificates/certificate-pdf';
import type { UrlSigner } from './url-signer';

export interface ComplianceRouteDeps {
  readonly db: DataSource;
  readonly links: UrlSigner;
  readonly log: Logger;
}

/** The path of a record's certificate; `certificateUrl` signs it. */
export const certificatePath = (recordId: string): string => `/certificates/${recordId}.pdf`;

/** The path of a report job's file; `SyncJob.downloadUrl` signs it. */
export const reportPath = (jobId: string): string => `/reports/${jobId}.csv`;

/**
 * Signed downloads: certificates (`/certificates/<record>.pdf`) and compliance reports
 * (`/reports/<job>.csv`, streamed from the upload store chunk by chunk). No API key: the signature is
 * the permission, so a link can be mailed or handed to an auditor; an expired or altered link
 * is 403.
 */
export function mountCompliance(app: Express, deps: ComplianceRouteDeps): void {
  app.get('/certificates/:file', async (req: Request, res: Response) => {
    const file = String(req.params['file'] ?? '');
    const match = /^([1-9][0-9]{0,18})\.pdf$/.exec(file);
    if (!match?.[1]) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    if (!deps.links.verify(certificatePath(match[1]), req.query['expires'], req.query['sig'])) {
      res.status(403).json({ error: 'the link is invalid or has expired' });
      return;
    }
    try {
      const data = await certificateData(deps.db, match[1]);
      if (!data) {
        res.status(404).json({ error: 'no completion with this id' });
        return;
      }
      res.status(200).type('application/pdf').setHeader('content-disposition', `inline; filename="certificate-${match[1]}.pdf"`);
      res.setHeader('cache-control', 'private, no-store');
      certificatePdf(data).pipe(res);
    } catch (error) {
      deps.log.error({ err: error, recordId: match[1] }, 'certificate failed');
      if (!res.headersSent) res.status(500).json({ error: 'internal error' });
      else res.destroy();
    }
  });

  app.get('/reports/:file', async (req: Request, res: Response) => {
    const match = /^([1-9][0-9]{0,18})\.csv$/.exec(String(req.params['file'] ?? ''));
    if (!match?.[1]) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    if (!deps.links.verify(reportPath(match[1]), req.query['expires'], req.query['sig'])) {
      res.status(403).json({ error: 'the link is invalid or has expired' });
      return;
    }
    try {
      const [job] = (await deps.db.query(
        `select j.result->>'reportUploadId' as upload_id, u.name from sync_job j join stored_upload u on u.id = (j.result->>'reportUploadId')::bigint
          where j.id = $1 and j.status = 'SUCCEEDED'`,
        [match[1]],
      )) as { upload_id: string; name: string }[];
      if (!job) {
        res.status(404).json({ error: 'no finished report with this id' });
        return;
      }
      res.status(200).type('text/csv; charset=utf-8').setHeader('content-disposition', `attachment; filename="${job.name.replace(/"/g, '')}"`);
      res.setHeader('cache-control', 'private, no-store');
      for (let seq = 0; ; seq++) {
        const [chunk] = (await deps.db.query(`select data from stored_upload_chunk where upload_id = $1 and seq = $2`, [job.upload_id, seq])) as { data: Buffer }[];
        if (!chunk) break;
        if (!res.write(chunk.data)) await once(res, 'drain');
      }
      res.end();
    } catch (error) {
      deps.log.error({ err: error, jobId: match[1] }, 'report download failed');
      if (!res.headersSent) res.status(500).json({ error: 'internal error' });
      else res.destroy();
    }
  });
}
