import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface Collected<T> {
  readonly events: { at: number; data: T }[];
  readonly errors: unknown[];
  /** Resolves when the server completes the subscription (or it errors). */
  readonly done: Promise<void>;
}

/** A real graphql-ws client over a real WebSocket. */
export function wsClient(url: string, key: string | undefined): Client {
  return createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: key ? { authorization: `Bearer ${key}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

export function collect<T, V extends Record<string, unknown>>(client: Client, document: TypedDocumentNode<T, V>, variables: V): Collected<T> {
  const query = print(document);
  const events: { at: number; data: T }[] = [];
  const errors: unknown[] = [];
  const done = new Promise<void>((resolve) => {
    client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) errors.push(...value.errors);
          if (value.data) events.push({ at: Date.now(), data: value.data as T });
        },
        error: (error) => {
          errors.push(error);
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });
  return { events, errors, done };
}
