/** An error the xAPI endpoint answers with its HTTP status and message (never masked: the client caused it). */
export class XapiError extends Error {
  override readonly name = 'XapiError';

  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 412 | 415,
    message: string,
  ) {
    super(message);
  }
}
