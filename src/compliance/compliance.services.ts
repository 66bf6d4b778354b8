import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { JobQueue } from '../jobs/queue';
import type { Logger } from '../shared/logger';
import { UrlSigner } from './http/url-signer';
import { ExpiryMail } from './mail/expiry-mail';
import { loadTemplates } from './mail/mail-templates';
import { OutboxSender } from './mail/outbox-sender';
import { RequirementService } from './requirements/requirement.service';
import { ScorecardService } from './requirements/scorecard.service';

export interface ComplianceServices {
  readonly requirements: RequirementService;
  readonly scorecards: ScorecardService;
  /** The outbox of expiry notices and its SMTP sender. */
  readonly outbox: OutboxSender;
  /** The daily expiry mail run, for the runtime to start and stop. */
  readonly expiryMail: ExpiryMail;
  /** Signs and checks the links to certificates and reports. */
  readonly links: UrlSigner;
}

export interface ComplianceDeps {
  readonly db: DataSource;
  readonly config: Config;
  readonly log: Logger;
  readonly queue: JobQueue;
}

export function createComplianceServices(deps: ComplianceDeps): ComplianceServices {
  const outbox = new OutboxSender(deps.db, deps.config.compliance, loadTemplates(deps.config.compliance.templatesDir), deps.log);
  return {
    requirements: new RequirementService(deps.db),
    scorecards: new ScorecardService(deps.db),
    outbox,
    expiryMail: new ExpiryMail(deps.db, deps.queue, outbox, deps.config.compliance, deps.log),
    links: signer(deps),
  };
}

function signer(deps: ComplianceDeps): UrlSigner {
  const c = deps.config.compliance;
  if (!c.urlSigningKey && deps.config.env === 'production') {
    deps.log.warn('URL_SIGNING_KEY is not set: signed links (certificates, reports) work only on the process that made them');
  }
  return new UrlSigner(c.urlSigningKey, c.signedUrlTtlSeconds, c.publicUrl);
}
