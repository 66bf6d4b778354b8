/** Variable names whose values never reach the audit log, at any depth. */
const SECRET = /pass(word|phrase)?|secret|private.?key|token|credential|^key$|^apiKey$/i;

const MAX_STRING = 2_000;
const MAX_DEPTH = 8;

/**
 * A copy of a mutation's variables fit to store: secrets replaced by `[redacted]`, uploads by
 * `[upload]`, long strings cut. Redaction goes by name, so a field added later with a name like
 * `sftpPassword` is covered without a list to maintain.
 */
export function redactVariables(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => redactVariables(v, depth + 1));
  if (typeof value === 'object') {
    // graphql-upload hands resolvers a promise-like Upload; its content is no audit material.
    if (typeof (value as { then?: unknown }).then === 'function' || 'promise' in value || 'createReadStream' in value) return '[upload]';
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET.test(k) && v !== null && v !== undefined ? '[redacted]' : redactVariables(v, depth + 1);
    return out;
  }
  return String(value);
}
