/** Whether a request may run, and if not, when its subject's window ends. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };
