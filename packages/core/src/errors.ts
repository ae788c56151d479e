/**
 * Typed errors of llm-shield. Every error carries a stable `code` (never renamed once released) and can be
 * recognised across package copies and realms with {@link LlmShieldError.isInstance} rather than `instanceof`.
 */

const marker = 'llm-shield.error';
const markerSymbol = Symbol.for(marker);

/** The stable error codes. Codes are part of the public API: they are added, never changed. */
export const ErrorCode = {
  /** The input is not a string, or cannot be scanned as given. */
  InvalidInput: 'LLMS_INVALID_INPUT',
  /** The input is longer than the configured maximum. */
  InputTooLarge: 'LLMS_INPUT_TOO_LARGE',
  /** A configuration value is out of range or of the wrong type. */
  InvalidConfig: 'LLMS_INVALID_CONFIG',
  /** A scanner threw while scanning. `cause` holds the original error. */
  ScannerFailed: 'LLMS_SCANNER_FAILED',
  /** A scan was aborted through its `AbortSignal`. */
  Aborted: 'LLMS_ABORTED',
  /** No model could be found or loaded for an ML scanner and fallback is disabled. */
  ModelUnavailable: 'LLMS_MODEL_UNAVAILABLE',
  /** Model files were found but are invalid (wrong format, wrong shapes, missing labels). */
  InvalidModel: 'LLMS_INVALID_MODEL',
  /** The inference runtime failed to create a session or to run it. */
  InferenceFailed: 'LLMS_INFERENCE_FAILED',
  /** A data file for evaluation could not be read or parsed. */
  InvalidDataset: 'LLMS_INVALID_DATASET',
  /** The model hub could not be reached (no network, DNS, refused connection, or repeated 5xx answers). */
  HubUnreachable: 'LLMS_HUB_UNREACHABLE',
  /** The model hub refused access (401/403): the repo is gated or private and the token is missing or lacks access. */
  HubAuthRequired: 'LLMS_HUB_AUTH_REQUIRED',
  /** The model hub has no such repo, revision or file (404). */
  HubNotFound: 'LLMS_HUB_NOT_FOUND',
  /** A downloaded file's size or hash differs from what the hub announced; nothing was kept. */
  ChecksumMismatch: 'LLMS_CHECKSUM_MISMATCH',
  /** The disk filled up (ENOSPC / EDQUOT) while writing a file. */
  DiskFull: 'LLMS_DISK_FULL',
  /** A transfer stopped before its end (connection reset, truncated body, stalled stream) and retries ran out. */
  TransferInterrupted: 'LLMS_TRANSFER_INTERRUPTED',
  /** A scanner or a pipeline ran past its time limit (`timeoutMs`). */
  Timeout: 'LLMS_TIMEOUT',
  /**
   * A file operation failed for a reason the user must fix (EACCES / EPERM: no permission, EROFS: read-only file
   * system, ENOTDIR: a file where a folder should be, …); `details.errno` holds the system code, `details.path` the
   * path. A full disk is {@link DiskFullError} instead.
   */
  FileSystem: 'LLMS_FILE_SYSTEM',
  /** An integration (AI SDK middleware, openai wrapper) refused a prompt or a tool result that failed the input scanners. */
  PromptRejected: 'LLMS_PROMPT_REJECTED',
  /** An integration refused a model's output (or stopped its stream) because it failed the output scanners. */
  OutputRejected: 'LLMS_OUTPUT_REJECTED',
} as const;

/** One of the values of {@link ErrorCode}. */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Options shared by every llm-shield error. */
export interface LlmShieldErrorOptions {
  /** The underlying error, if any. */
  cause?: unknown;
  /** Machine-readable details (scanner id, limit, file path…). */
  details?: Record<string, unknown>;
}

/** Base class of every error llm-shield throws on purpose. */
export class LlmShieldError extends Error {
  /** Brand used by {@link LlmShieldError.isInstance}; survives duplicated package copies. */
  readonly [markerSymbol] = true as const;
  /** Stable machine-readable code, one of {@link ErrorCode}. */
  readonly code: ErrorCodeValue;
  /** Machine-readable details; empty object when none. */
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCodeValue, message: string, options: LlmShieldErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LlmShieldError';
    this.code = code;
    this.details = options.details ?? {};
  }

  /** True for any llm-shield error, also one thrown by another copy of this package. */
  static isInstance(error: unknown): error is LlmShieldError {
    return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[markerSymbol] === true;
  }

  /** True when `error` is an llm-shield error with the given code. */
  static hasCode(error: unknown, code: ErrorCodeValue): error is LlmShieldError {
    return LlmShieldError.isInstance(error) && error.code === code;
  }
}

/** The input is not a string or cannot be scanned. Code `{@link ErrorCode.InvalidInput}`. */
export class InvalidInputError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.InvalidInput, message, options);
    this.name = 'InvalidInputError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is InvalidInputError {
    return LlmShieldError.hasCode(error, ErrorCode.InvalidInput);
  }
}

/** The input exceeds the configured maximum length. Code `{@link ErrorCode.InputTooLarge}`. */
export class InputTooLargeError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.InputTooLarge, message, options);
    this.name = 'InputTooLargeError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is InputTooLargeError {
    return LlmShieldError.hasCode(error, ErrorCode.InputTooLarge);
  }
}

/** A configuration value is invalid. Code `{@link ErrorCode.InvalidConfig}`. */
export class InvalidConfigError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.InvalidConfig, message, options);
    this.name = 'InvalidConfigError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is InvalidConfigError {
    return LlmShieldError.hasCode(error, ErrorCode.InvalidConfig);
  }
}

/** A scanner threw while scanning; `cause` holds what it threw. Code `{@link ErrorCode.ScannerFailed}`. */
export class ScannerFailedError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.ScannerFailed, message, options);
    this.name = 'ScannerFailedError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is ScannerFailedError {
    return LlmShieldError.hasCode(error, ErrorCode.ScannerFailed);
  }
}

/** A scan was aborted through its signal. Code `{@link ErrorCode.Aborted}`. */
export class AbortedError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.Aborted, message, options);
    this.name = 'AbortedError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is AbortedError {
    return LlmShieldError.hasCode(error, ErrorCode.Aborted);
  }
}

/** No model is available and fallback is disabled. Code `{@link ErrorCode.ModelUnavailable}`. */
export class ModelUnavailableError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.ModelUnavailable, message, options);
    this.name = 'ModelUnavailableError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is ModelUnavailableError {
    return LlmShieldError.hasCode(error, ErrorCode.ModelUnavailable);
  }
}

/** Model files are invalid. Code `{@link ErrorCode.InvalidModel}`. */
export class InvalidModelError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.InvalidModel, message, options);
    this.name = 'InvalidModelError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is InvalidModelError {
    return LlmShieldError.hasCode(error, ErrorCode.InvalidModel);
  }
}

/** The inference runtime failed. Code `{@link ErrorCode.InferenceFailed}`. */
export class InferenceFailedError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.InferenceFailed, message, options);
    this.name = 'InferenceFailedError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is InferenceFailedError {
    return LlmShieldError.hasCode(error, ErrorCode.InferenceFailed);
  }
}

/** An evaluation data file is unreadable. Code `{@link ErrorCode.InvalidDataset}`. */
export class InvalidDatasetError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.InvalidDataset, message, options);
    this.name = 'InvalidDatasetError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is InvalidDatasetError {
    return LlmShieldError.hasCode(error, ErrorCode.InvalidDataset);
  }
}

/** The model hub could not be reached. Code `{@link ErrorCode.HubUnreachable}`. */
export class HubUnreachableError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.HubUnreachable, message, options);
    this.name = 'HubUnreachableError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is HubUnreachableError {
    return LlmShieldError.hasCode(error, ErrorCode.HubUnreachable);
  }
}

/** The model hub refused access (401/403). Code `{@link ErrorCode.HubAuthRequired}`. */
export class HubAuthRequiredError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.HubAuthRequired, message, options);
    this.name = 'HubAuthRequiredError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is HubAuthRequiredError {
    return LlmShieldError.hasCode(error, ErrorCode.HubAuthRequired);
  }
}

/** The model hub has no such repo, revision or file. Code `{@link ErrorCode.HubNotFound}`. */
export class HubNotFoundError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.HubNotFound, message, options);
    this.name = 'HubNotFoundError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is HubNotFoundError {
    return LlmShieldError.hasCode(error, ErrorCode.HubNotFound);
  }
}

/** A downloaded file failed its size or hash check. Code `{@link ErrorCode.ChecksumMismatch}`. */
export class ChecksumMismatchError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.ChecksumMismatch, message, options);
    this.name = 'ChecksumMismatchError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is ChecksumMismatchError {
    return LlmShieldError.hasCode(error, ErrorCode.ChecksumMismatch);
  }
}

/** The disk filled up while writing. Code `{@link ErrorCode.DiskFull}`. */
export class DiskFullError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.DiskFull, message, options);
    this.name = 'DiskFullError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is DiskFullError {
    return LlmShieldError.hasCode(error, ErrorCode.DiskFull);
  }
}

/** A transfer stopped before its end. Code `{@link ErrorCode.TransferInterrupted}`. */
export class TransferInterruptedError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.TransferInterrupted, message, options);
    this.name = 'TransferInterruptedError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is TransferInterruptedError {
    return LlmShieldError.hasCode(error, ErrorCode.TransferInterrupted);
  }
}

/** A scanner or a pipeline ran past its `timeoutMs`. Code `{@link ErrorCode.Timeout}`. */
export class TimeoutError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.Timeout, message, options);
    this.name = 'TimeoutError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is TimeoutError {
    return LlmShieldError.hasCode(error, ErrorCode.Timeout);
  }
}

/**
 * A file operation failed (no permission, read-only file system, a file where a folder should be…). Code
 * `{@link ErrorCode.FileSystem}`; `details` name the `path`, the `errno` (`EACCES`, `EROFS`, `ENOTDIR`…) and the
 * `operation` when known.
 */
export class FileSystemError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.FileSystem, message, options);
    this.name = 'FileSystemError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is FileSystemError {
    return LlmShieldError.hasCode(error, ErrorCode.FileSystem);
  }
}

/**
 * A prompt (a user turn or a tool result) failed the input scanners and an integration was told to throw. Code
 * `{@link ErrorCode.PromptRejected}`; `details` hold `failedScanners` (ids), `source` (`user` or `tool`) and, for a
 * tool result, `toolName`.
 */
export class PromptRejectedError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.PromptRejected, message, options);
    this.name = 'PromptRejectedError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is PromptRejectedError {
    return LlmShieldError.hasCode(error, ErrorCode.PromptRejected);
  }
}

/**
 * A model's output failed the output scanners and an integration was told to throw (a stream ends with this error
 * as its error part). Code `{@link ErrorCode.OutputRejected}`; `details` hold `failedScanners` (ids) and, for a
 * stream, `emittedChars` (how much text had been passed on before the violation).
 */
export class OutputRejectedError extends LlmShieldError {
  constructor(message: string, options: LlmShieldErrorOptions = {}) {
    super(ErrorCode.OutputRejected, message, options);
    this.name = 'OutputRejectedError';
  }

  /** True for an llm-shield error with this class's code, also from another copy of the package. */
  static override isInstance(error: unknown): error is OutputRejectedError {
    return LlmShieldError.hasCode(error, ErrorCode.OutputRejected);
  }
}
