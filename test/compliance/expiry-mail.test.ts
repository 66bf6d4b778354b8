import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { ApiRole } from '../../src/auth/role';
import { EXPIRY_MAIL_QUEUE } from '../../src/compliance/mail/expiry-mail';
import { queueExpiryNotices } from '../../src/compliance/mail/expiry-notices';
import { loadTemplates, renderTemplate } from '../../src/compliance/mail/mail-templates';
import { OutboxSender } from '../../src/compliance/mail/outbox-sender';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { createLogger } from '../../src/shared/logger';
import { RosterFactory } from '../factories/roster.factory';
import { COURSE_HEADERS, LmsFolder, QUIZ_HEADERS } from '../records/lms-files';
import { runLms } from '../records/lms-support';
import { AUTH, errorCode, gid, ok, statements } from '../roster/helpers';
import { startTestApp, type TestApp } from '../support/app';
import { startTestSmtp, type TestSmtp } from './smtp';

const DAY = 86_400_000;
const daysFromNow = (n: number): string => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const log = createLogger('silent');

interface Notice {
  state: string;
  attempts: number;
  thresholdDays: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  user: { username: string };
}

describe('expiry emails', () => {
  let app: TestApp;
  let smtp: TestSmtp;
  const files = new LmsFolder('expiry-mail');
  const env = (port: number): NodeJS.ProcessEnv => ({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), MAIL_FROM: 'Training <training@example.org>', MAIL_RETRY_SECONDS: '60' });
  let f: RosterFactory;
  let file = 0;

  /** Imports course completions (username, days ago, course) for new users with email addresses, then gives the course 12 months of validity. */
  const completions = async (rows: [string, number, string][], withEmail = true): Promise<void> => {
    for (const [name] of rows) {
      const u = await f.user({ username: name, givenName: name[0]!.toUpperCase() + name.slice(1), email: withEmail ? `${name}@example.org` : null });
      await f.identifiers([{ userId: u.id, kind: 'identifier', value: `ID-${name}` }]);
    }
    file++;
    await runLms(app, {
      path: files.write(`Completion${daysFromNow(0).replace(/-/g, '')}`, COURSE_HEADERS, rows.map(([n, d, c]) => [n, `ID-${n}`, daysFromNow(-d), c]), `f${file}`),
    });
    for (const course of new Set(rows.map((r) => r[2]))) {
      const [item] = (await app.db.dataSource.query(`select id::text from learning_item where name = $1`, [course])) as [{ id: string }];
      ok(await app.gql(`mutation($id: ID!) { setLearningItemValidity(itemId: $id, validity: { months: 12 }) { id } }`, { id: gid('LearningItem', item.id) }));
    }
  };
  const notices = async (states?: string[]): Promise<Notice[]> => {
    const res = await app.gql<{ expiryNotices: { nodes: Notice[] } }, unknown>(
      `query($s: [MailState!]) { expiryNotices(first: 50, states: $s) { nodes { state attempts thresholdDays lastError nextAttemptAt user { username } } } }`,
      { s: states ?? null },
      { role: ApiRole.INTEGRATOR },
    );
    assert.equal(statements(res), AUTH + 2, 'the page, then its users');
    return ok(res).expiryNotices.nodes;
  };
  const subjects = (): string[] => smtp.received.map((m) => `${m.to && !Array.isArray(m.to) ? m.to.text : ''}: ${m.subject ?? ''}`).sort();

  before(async () => {
    smtp = await startTestSmtp();
    app = await startTestApp({ workerConcurrency: 0, env: env(smtp.port) });
    f = new RosterFactory(app.db.dataSource);
  });
  after(async () => {
    files.remove();
    await app.close();
    await smtp.close();
  });

  it('queues one notice per record at the tightest threshold reached, and a rerun queues none', async () => {
    // amy: 25 days left; ben: 5 days; cat: expired 5 days ago; dev: 265 days left; eve: 5 days, but no email address.
    await completions([
      ['amy', 340, 'Fire Safety'],
      ['ben', 360, 'Fire Safety'],
      ['cat', 370, 'Fire Safety'],
      ['dev', 100, 'Fire Safety'],
    ]);
    await completions([['eve', 360, 'Fire Safety']], false);
    // lee passed a quiz 370 days ago and again 10 days ago: renewed, so nothing to tell.
    const lee = await f.user({ username: 'lee', givenName: 'Lee', email: 'lee@example.org' });
    await f.identifiers([{ userId: lee.id, kind: 'identifier', value: 'ID-lee' }]);
    await runLms(app, {
      path: files.write(`Quiz${daysFromNow(0).replace(/-/g, '')}`, QUIZ_HEADERS, [
        ['lee', 'ID-lee', daysFromNow(-370), 'Hand Hygiene', 1, 80, 'Passed'],
        ['lee', 'ID-lee', daysFromNow(-10), 'Hand Hygiene', 2, 90, 'Passed'],
      ], 'quiz'),
    });
    const [quiz] = (await app.db.dataSource.query(`select id::text from learning_item where name = 'Hand Hygiene'`)) as [{ id: string }];
    ok(await app.gql(`mutation($id: ID!) { setLearningItemValidity(itemId: $id, validity: { months: 12 }) { id } }`, { id: gid('LearningItem', quiz.id) }));
    const thresholds = loadConfig({}).compliance.expiryThresholds;
    assert.deepEqual(thresholds, [30, 7], 'the default thresholds');
    assert.equal(await queueExpiryNotices(app.db.dataSource, thresholds), 3);
    assert.equal(await queueExpiryNotices(app.db.dataSource, thresholds), 0, 'a rerun queues nothing');
    const queued = await notices();
    assert.deepEqual(queued.map((n) => [n.user.username, n.thresholdDays, n.state]).sort(), [
      ['amy', 30, 'PENDING'],
      ['ben', 7, 'PENDING'],
      ['cat', 0, 'PENDING'],
    ]);
    const reader = await app.gql(`{ expiryNotices(first: 1) { totalCount } }`, {}, { role: ApiRole.READER });
    assert.equal(errorCode(reader), 'FORBIDDEN');
  });

  it('two workers sending at once send each notice exactly once', async () => {
    const other = createDataSource(app.db.url, log, { poolSize: 2 });
    await other.initialize();
    const config = loadConfig(env(smtp.port)).compliance;
    const second = new OutboxSender(other, config, loadTemplates(undefined), log);
    try {
      const [a, b] = await Promise.all([app.runtime.services.compliance.outbox.sendDue(), second.sendDue()]);
      assert.equal(a.sent + b.sent, 3);
      assert.equal(a.failed + b.failed, 0);
    } finally {
      second.close();
      await other.destroy();
    }
    const until = daysFromNow(25);
    assert.equal(subjects().length, 3);
    assert.ok(subjects().includes(`amy@example.org: Fire Safety expires on ${until}`) || subjects().includes(`amy@example.org: Fire Safety expires on ${daysFromNow(26)}`), subjects().join('; '));
    assert.ok(subjects().includes('cat@example.org: Fire Safety has expired'));
    const amy = smtp.received.find((m) => m.subject?.startsWith('Fire Safety expires') && m.text?.includes('Dear Amy'));
    assert.ok(amy, 'the text template greets the holder by name');
    assert.equal(new Set(smtp.received.map((m) => m.messageId)).size, 3, 'one Message-ID per notice');
    assert.deepEqual((await notices()).map((n) => n.state), ['SENT', 'SENT', 'SENT']);
    const rerun = await app.gql<{ runExpiryMail: { queued: number; sent: number } }, unknown>(`mutation { runExpiryMail { queued sent failed } }`, {}, { role: ApiRole.INTEGRATOR });
    assert.deepEqual(ok(rerun).runExpiryMail, { queued: 0, sent: 0, failed: 0 });
    assert.equal(smtp.received.length, 3, 'a rerun sends nothing again');
  });

  it('a crash mid-batch loses nothing and sends nothing twice', async () => {
    await completions([
      ['gil', 362, 'Manual Handling'],
      ['hal', 362, 'Manual Handling'],
      ['ian', 362, 'Manual Handling'],
    ]);
    assert.equal(await queueExpiryNotices(app.db.dataSource, [30, 7]), 3);
    const before = smtp.received.length;
    // A worker claims one notice and dies before committing: its connection goes, its lock with it.
    const crashed = new pg.Client({ connectionString: app.db.url });
    await crashed.connect();
    await crashed.query('begin');
    const claimed = await crashed.query(`select id from compliance_mail_outbox where state = 'PENDING' order by id limit 1 for update skip locked`);
    assert.equal(claimed.rowCount, 1);
    // Meanwhile another run sends one message and stops (its batch size).
    assert.deepEqual(await app.runtime.services.compliance.outbox.sendDue({ limit: 1 }), { sent: 1, failed: 0 });
    await crashed.end();
    assert.deepEqual(await app.runtime.services.compliance.outbox.sendDue(), { sent: 2, failed: 0 }, 'the next run sends the rest');
    const sent = smtp.received.slice(before).map((m) => (m.to && !Array.isArray(m.to) ? m.to.text : '')).sort();
    assert.deepEqual(sent, ['gil@example.org', 'hal@example.org', 'ian@example.org']);
  });

  it('retries a refused message with backoff, and shows why in the graph', async () => {
    await completions([['jo', 364, 'Induction']]);
    assert.equal(await queueExpiryNotices(app.db.dataSource, [30, 7]), 1);
    const before = smtp.received.length;
    smtp.rejectNext(1);
    const started = Date.now();
    assert.deepEqual(await app.runtime.services.compliance.outbox.sendDue(), { sent: 0, failed: 1 });
    const [retry] = await notices(['RETRY']);
    assert.equal(retry?.user.username, 'jo');
    assert.equal(retry?.attempts, 1);
    assert.match(retry?.lastError ?? '', /451/);
    assert.ok(Date.parse(retry!.nextAttemptAt!) >= started + 55_000, 'the first retry waits MAIL_RETRY_SECONDS');
    assert.deepEqual(await app.runtime.services.compliance.outbox.sendDue(), { sent: 0, failed: 0 }, 'not before its time');
    // The wait has passed.
    await app.db.dataSource.query(`update compliance_mail_outbox set next_attempt_at = now() - interval '1 second' where state = 'RETRY'`);
    assert.deepEqual(await app.runtime.services.compliance.outbox.sendDue(), { sent: 1, failed: 0 });
    assert.match(smtp.received[before]?.subject ?? '', /^Induction expires on \d{4}-\d{2}-\d{2}$/);
    assert.equal(smtp.received.length, before + 1, 'sent once, on the second attempt');
    const [sent] = (await notices(['SENT'])).filter((n) => n.user.username === 'jo');
    assert.deepEqual([sent?.attempts, sent?.lastError, sent?.nextAttemptAt], [2, null, null]);
  });

  it('emails completions that a requirement’s recurrence makes expire, even when the item itself never does', async () => {
    // Fire Drill has no validity period of its own; the trust requires it every 12 months.
    const trust = await f.org({ name: 'Trust' });
    const mo = await f.user({ username: 'mo', givenName: 'Mo', email: 'mo@example.org' });
    await f.identifiers([{ userId: mo.id, kind: 'identifier', value: 'ID-mo' }]);
    await f.roles([{ userId: mo.id, orgId: trust.id }]);
    await runLms(app, { path: files.write(`Completion${daysFromNow(0).replace(/-/g, '')}`, COURSE_HEADERS, [['mo', 'ID-mo', daysFromNow(-362), 'Fire Drill']], 'drill') });
    const [drill] = (await app.db.dataSource.query(`select id::text from learning_item where name = 'Fire Drill'`)) as [{ id: string }];
    assert.equal(await queueExpiryNotices(app.db.dataSource, [30, 7]), 0, 'no validity, no requirement: it never expires');
    ok(
      await app.gql(`mutation($input: AssignLearningRequirementInput!) { assignLearningRequirement(input: $input) { id } }`, {
        input: { itemId: gid('LearningItem', drill.id), orgId: gid('Org', trust.id), validForMonths: 12 },
      }),
    );
    assert.equal(await queueExpiryNotices(app.db.dataSource, [30, 7]), 1);
    const [notice] = (await notices(['PENDING'])).filter((n) => n.user.username === 'mo');
    assert.equal(notice?.thresholdDays, 7, 'about 3 days left');
    assert.equal(await queueExpiryNotices(app.db.dataSource, [30, 7]), 0, 'a rerun queues nothing');
    const before = smtp.received.length;
    assert.deepEqual(await app.runtime.services.compliance.outbox.sendDue(), { sent: 1, failed: 0 });
    assert.match(smtp.received[before]?.subject ?? '', /^Fire Drill expires on \d{4}-\d{2}-\d{2}$/);
  });

  it('gives up after the last attempt', async () => {
    await completions([['kim', 364, 'Safeguarding']]);
    await queueExpiryNotices(app.db.dataSource, [30, 7]);
    smtp.rejectNext(1);
    const config = { ...loadConfig(env(smtp.port)).compliance, mailMaxAttempts: 1 };
    const sender = new OutboxSender(app.db.dataSource, config, loadTemplates(undefined), log);
    assert.deepEqual(await sender.sendDue(), { sent: 0, failed: 1 });
    sender.close();
    const [failed] = await notices(['FAILED']);
    assert.deepEqual([failed?.user.username, failed?.attempts, failed?.nextAttemptAt], ['kim', 1, null]);
  });
});

describe('expiry mail templates and schedule', () => {
  it('lets a deployment replace the built-in templates, and keeps subjects on one line', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'learngraph-templates-'));
    try {
      writeFileSync(path.join(dir, 'expiring.subject.txt'), 'Renew {{item}} by {{validUntil}}\n');
      writeFileSync(path.join(dir, 'expiring.html'), '<p>Dear {{givenName}}</p>');
      const templates = loadTemplates(dir);
      const mail = renderTemplate(templates.expiring, { item: 'Fire\r\nBcc: x@evil', validUntil: '2027-01-01', givenName: '<b>Amy</b>' });
      assert.equal(mail.subject, 'Renew Fire Bcc: x@evil by 2027-01-01');
      assert.equal(mail.html, '<p>Dear &#60;b&#62;Amy&#60;/b&#62;</p>');
      assert.match(mail.text, /^Dear <b>Amy<\/b>,/, 'the text body is the built-in one');
      assert.equal(renderTemplate(templates.expired, { item: 'X' }).subject, 'X has expired');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('registers the daily run as a pg-boss schedule when the process works on jobs', async () => {
    const smtp = await startTestSmtp();
    const app = await startTestApp({ workerConcurrency: 1, env: { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), EXPIRY_MAIL_CRON: '15 5 * * *' } });
    try {
      let schedule;
      for (let i = 0; i < 50 && !schedule; i++) {
        const rows = (await app.db.dataSource.query(`select name, cron from pgboss.schedule where name = $1`, [EXPIRY_MAIL_QUEUE])) as { name: string; cron: string }[];
        schedule = rows[0];
        if (!schedule) await new Promise((r) => setTimeout(r, 100));
      }
      assert.deepEqual(schedule, { name: EXPIRY_MAIL_QUEUE, cron: '15 5 * * *' });
    } finally {
      await app.close();
      await smtp.close();
    }
  });
});
