import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { GraphQLError } from 'graphql';
import pino from 'pino';
import { createErrorFormatter } from '../src/graphql/errors';
import { DomainError } from '../src/shared/domain-error';

/** A logger that keeps its lines, to check what the masked error left in the log. */
function capturingLogger(): { log: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { log: pino({ level: 'info' }, sink), lines };
}

const asResolverError = (original: Error): GraphQLError => new GraphQLError(original.message, { path: ['x'], originalError: original });

describe('error formatting', () => {
  it('keeps a domain error message and maps its code', () => {
    const { log } = capturingLogger();
    const format = createErrorFormatter(log);
    const error = asResolverError(new DomainError('NOT_FOUND', 'SyncJob 9 does not exist', { id: '9' }));
    assert.deepEqual(format(error.toJSON(), error), {
      message: 'SyncJob 9 does not exist',
      path: ['x'],
      extensions: { id: '9', code: 'NOT_FOUND' },
    });
  });

  it('masks an unexpected error behind an id that is logged with the real error', () => {
    const { log, lines } = capturingLogger();
    const format = createErrorFormatter(log);
    const error = asResolverError(new TypeError('cannot read secret_column of undefined'));
    const formatted = format(error.toJSON(), error);
    const errorId = formatted.extensions?.['errorId'];
    assert.equal(formatted.extensions?.['code'], 'INTERNAL_SERVER_ERROR');
    assert.equal(typeof errorId, 'string');
    assert.equal(formatted.message, `Internal error (id ${String(errorId)})`);
    assert.ok(!JSON.stringify(formatted).includes('secret_column'));
    const logged = lines.find((l) => l['errorId'] === errorId);
    assert.ok(logged, 'the error id is in the log');
    assert.match(JSON.stringify(logged), /secret_column/);
  });

  it('passes GraphQL validation errors through with their code', () => {
    const { log } = capturingLogger();
    const format = createErrorFormatter(log);
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    assert.deepEqual(format(error.toJSON(), error).extensions, { code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
