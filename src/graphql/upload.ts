import type { Readable } from 'node:stream';
import type { RequestHandler } from 'express';
import type { GraphQLScalarType } from 'graphql';

/**
 * GraphQL multipart requests (file uploads) through graphql-upload 17, the last line that
 * fits graphql 16. It ships ES modules only; Node 20.19+ loads them with require(), which
 * keeps the schema's `Upload` scalar available when the decorators run.
 */
type ScalarModule = typeof import('graphql-upload/GraphQLUpload.mjs', { with: { 'resolution-mode': 'import' } });
type ExpressModule = typeof import('graphql-upload/graphqlUploadExpress.mjs', { with: { 'resolution-mode': 'import' } });

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const GraphQLUpload = (require('graphql-upload/GraphQLUpload.mjs') as ScalarModule).default as GraphQLScalarType;

/** What an `Upload` argument resolves to. */
export interface FileUpload {
  readonly filename: string;
  readonly mimetype: string;
  readonly encoding: string;
  createReadStream(): Readable;
}

/** Parses multipart requests on the GraphQL path; bodies over the limits fail with 413. */
export function uploadMiddleware(limits: { maxFileSize: number; maxFiles: number }): RequestHandler {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const graphqlUploadExpress = (require('graphql-upload/graphqlUploadExpress.mjs') as ExpressModule).default;
  return graphqlUploadExpress(limits) as RequestHandler;
}
