import nodemailer, { type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import type { ComplianceConfig } from '../../config';
import type { Logger } from '../../shared/logger';
import { type MailTemplate, renderTemplate, type TemplateName } from './mail-templates';

interface ClaimedRow {
  readonly id: string;
  readonly record_id: string;
  readonly threshold_days: number;
  readonly recipient: string;
  readonly payload: Record<string, unknown>;
  readonly attempts: number;
}

export interface SendOutcome {
  readonly sent: number;
  readonly failed: number;
}

export interface SendOptions {
  /** Stop after this many messages (a batch size; the rest waits for the next run). */
  readonly limit?: number;
  readonly signal?: AbortSignal;
}

/**
 * Sends what the outbox has due, one message per transaction: the row is claimed with FOR UPDATE
 * SKIP LOCKED (another worker skips it), sent, and marked SENT in the same transaction once the
 * SMTP server accepted it. A crash before the commit leaves the row due (the lock goes with the
 * connection), so a message is never lost; a crash in the instant between SMTP's acceptance and
 * the commit is the only way to a second copy, and that copy carries the same Message-ID.
 * A failure records the error and schedules a retry, the wait doubling from `mailRetrySeconds`,
 * until `mailMaxAttempts` (then FAILED).
 */
export class OutboxSender {
  private readonly transport: Transporter | undefined;

  constructor(
    private readonly db: DataSource,
    private readonly config: ComplianceConfig,
    private readonly templates: Record<TemplateName, MailTemplate>,
    private readonly log: Logger,
  ) {
    const smtp = config.smtp;
    this.transport = smtp
      ? nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
          connectionTimeout: 15_000,
          greetingTimeout: 15_000,
          socketTimeout: 30_000,
        })
      : undefined;
  }

  get configured(): boolean {
    return this.transport !== undefined;
  }

  async sendDue(options: SendOptions = {}): Promise<SendOutcome> {
    if (!this.transport) return { sent: 0, failed: 0 };
    // Only what was due when the run began: a retry scheduled by this run waits for a later one.
    const [{ started }] = (await this.db.query(`select now() as started`)) as [{ started: Date }];
    let sent = 0;
    let failed = 0;
    while ((options.limit === undefined || sent + failed < options.limit) && !options.signal?.aborted) {
      const outcome = await this.db.transaction(async (tx) => {
        const [row] = (await tx.query(
          `select id::text, record_id::text, threshold_days, recipient, payload, attempts from compliance_mail_outbox
            where state in ('PENDING', 'RETRY') and next_attempt_at <= $1
            order by next_attempt_at, id limit 1 for update skip locked`,
          [started],
        )) as ClaimedRow[];
        if (!row) return 'none' as const;
        const mail = renderTemplate(this.templates[row.threshold_days === 0 ? 'expired' : 'expiring'], row.payload);
        try {
          const info = (await this.transport!.sendMail({
            from: this.config.mailFrom,
            to: row.recipient,
            subject: mail.subject,
            text: mail.text,
            ...(mail.html !== undefined ? { html: mail.html } : {}),
            // Stable per notice: a mail client drops a second copy with the same id.
            messageId: `<expiry-${row.record_id}-${row.threshold_days}@learngraph>`,
            headers: { 'X-Learngraph-Notice': `${row.record_id}/${row.threshold_days}` },
          })) as { messageId: string };
          await tx.query(
            `update compliance_mail_outbox set state = 'SENT', attempts = attempts + 1, last_error = null, message_id = $2, sent_at = now(), updated_at = now() where id = $1`,
            [row.id, info.messageId],
          );
          return 'sent' as const;
        } catch (error) {
          const attempts = row.attempts + 1;
          const message = error instanceof Error ? error.message : String(error);
          this.log.warn({ err: error, outboxId: row.id, attempts }, 'expiry notice not sent');
          await tx.query(
            `update compliance_mail_outbox set attempts = $2::int, last_error = $3::text, updated_at = now(),
                    state = case when $2::int >= $4::int then 'FAILED' else 'RETRY' end,
                    next_attempt_at = now() + make_interval(secs => $5::double precision * power(2, $2::int - 1))
              where id = $1`,
            [row.id, attempts, message.slice(0, 2000), this.config.mailMaxAttempts, this.config.mailRetrySeconds],
          );
          return 'failed' as const;
        }
      });
      if (outcome === 'none') break;
      if (outcome === 'sent') sent++;
      else failed++;
    }
    return { sent, failed };
  }

  close(): void {
    this.transport?.close();
  }
}
