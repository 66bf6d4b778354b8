import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * One pino logger per process. Logs go to stderr so that commands which print a result
 * on stdout (`keys create`, `schema`) stay pipeable.
 */
export function createLogger(level: string, name = 'learngraph'): Logger {
  return pino(
    {
      name,
      level,
      redact: {
        paths: ['password', '*.password', 'privateKey', '*.privateKey', 'authorization', '*.authorization', 'key'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
