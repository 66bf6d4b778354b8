import { normaliseStatement } from './statement-normalise';
import type { Json } from './statement-validation';

/**
 * Whether a re-sent statement matches the stored one (Data §2.3.1): LRS-assigned and
 * presentation-only parts (id, authority, stored, timestamp, version, attachments, verb display,
 * activity definitions) are ignored, as is key order; both sides are first brought to the
 * stored form (context activities as arrays, durations in hundredths of a second).
 */
export function sameStatement(a: Json, b: Json): boolean {
  return canonical(strip(normaliseStatement(a))) === canonical(strip(normaliseStatement(b)));
}

const IGNORED = new Set(['id', 'authority', 'stored', 'timestamp', 'version', 'attachments']);

function strip(s: Json): unknown {
  const copy: Json = {};
  for (const [k, v] of Object.entries(s)) if (!IGNORED.has(k)) copy[k] = v;
  return dropPresentation(copy);
}

function dropPresentation(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropPresentation);
  if (typeof v !== 'object' || v === null) return v;
  const out: Json = {};
  for (const [k, value] of Object.entries(v)) {
    if (k === 'display' || k === 'definition') continue;
    out[k] = dropPresentation(value);
  }
  return out;
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (typeof v === 'object' && v !== null) {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Json)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
