/** Stable error codes of the HTTP server, beside the library's `LLMS_*` codes (never renamed once released). */
export const ServerErrorCode = {
  /** The body is not JSON, or not UTF-8. */
  BadRequest: 'LLMS_BAD_REQUEST',
  /** A field is missing or has the wrong type (422, as llm-guard-api). */
  ValidationFailed: 'LLMS_VALIDATION_FAILED',
  /** `scanners_suppress` names a scanner this server does not have. */
  UnknownScanner: 'LLMS_UNKNOWN_SCANNER',
  /** The body is larger than the configured limit (413). */
  BodyTooLarge: 'LLMS_BODY_TOO_LARGE',
  /** The body is not `application/json` (415). */
  UnsupportedMediaType: 'LLMS_UNSUPPORTED_MEDIA_TYPE',
  /** Missing or wrong credentials (401). */
  Unauthorized: 'LLMS_UNAUTHORIZED',
  /** Too many requests from this address (429). */
  RateLimited: 'LLMS_RATE_LIMITED',
  /** The scan did not finish within `scan_prompt_timeout` / `scan_output_timeout` (504); no verdict is given. */
  ScanTimeout: 'LLMS_SCAN_TIMEOUT',
  /** The server is warming its models or shutting down (503). */
  NotReady: 'LLMS_NOT_READY',
  /** No such route (404). */
  NotFound: 'LLMS_NOT_FOUND',
  /** The request took longer than the server's request timeout to arrive (408). */
  RequestTimeout: 'LLMS_REQUEST_TIMEOUT',
  /** Anything unexpected (500). */
  Internal: 'LLMS_INTERNAL',
} as const;

/** The JSON body of every error answer: llm-guard-api's `{ message, details }` plus a stable `code`. */
export interface ErrorBody {
  message: string;
  details: unknown;
  code: string;
}

/** An error the routes throw to answer with a given status and code. */
export class HttpError extends Error {
  readonly statusCode: number;
  readonly code: string;
  readonly details: unknown;

  constructor(statusCode: number, code: string, message: string, details: unknown = null) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
    this.code = code;
    this.details = details;
  }
}
