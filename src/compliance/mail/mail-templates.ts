import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface MailTemplate {
  readonly subject: string;
  readonly text: string;
  /** Optional HTML body; placeholders in it are HTML-escaped. */
  readonly html: string | undefined;
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string | undefined;
}

export type TemplateName = 'expiring' | 'expired';

/** The built-in templates; a deployment replaces any part of them with files in MAIL_TEMPLATES_DIR. */
const DEFAULTS: Record<TemplateName, MailTemplate> = {
  expiring: {
    subject: '{{item}} expires on {{validUntil}}',
    text: 'Dear {{givenName}},\n\nyour {{item}} (completed on {{completedOn}}) is valid until {{validUntil}}, {{days}} days from now.\nPlease renew it before then.\n',
    html: undefined,
  },
  expired: {
    subject: '{{item}} has expired',
    text: 'Dear {{givenName}},\n\nyour {{item}} (completed on {{completedOn}}) expired on {{validUntil}}.\nPlease renew it as soon as you can.\n',
    html: undefined,
  },
};

/**
 * The templates for a deployment: `<dir>/<name>.subject.txt`, `<dir>/<name>.txt` and
 * `<dir>/<name>.html` replace the built-in subject, text and HTML body of each template that has
 * them. Read once at start-up, so a missing or unreadable folder fails the start, not a send.
 */
export function loadTemplates(dir: string | undefined): Record<TemplateName, MailTemplate> {
  if (!dir) return DEFAULTS;
  const read = (file: string): string | undefined => {
    try {
      return readFileSync(path.join(dir, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  };
  const out = {} as Record<TemplateName, MailTemplate>;
  for (const name of Object.keys(DEFAULTS) as TemplateName[]) {
    out[name] = {
      subject: read(`${name}.subject.txt`)?.trim() ?? DEFAULTS[name].subject,
      text: read(`${name}.txt`) ?? DEFAULTS[name].text,
      html: read(`${name}.html`) ?? DEFAULTS[name].html,
    };
  }
  return out;
}

/** Fills `{{name}}` placeholders; unknown names are left empty. */
export function renderTemplate(template: MailTemplate, values: Readonly<Record<string, unknown>>): RenderedMail {
  const fill = (text: string, escape: (s: string) => string): string => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => escape(String(values[key] ?? '')));
  return {
    // A subject is one header line: a value with a line break must not start another header.
    subject: fill(template.subject, (s) => s.replace(/[\r\n]+/g, ' ')),
    text: fill(template.text, (s) => s),
    html: template.html === undefined ? undefined : fill(template.html, escapeHtml),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
