import { DiskFullError, FileSystemError, LlmShieldError } from '@llm-shield/core';

/** System error codes of a disk that is full: `ENOSPC`, `EDQUOT` (quota). */
export const DISK_FULL_CODES: ReadonlySet<string> = new Set(['ENOSPC', 'EDQUOT']);

/**
 * System error codes the user must fix on the file system, each with what it means: no permission, a read-only file
 * system, a file where a folder should be (or the reverse), a path too long, a link loop, too many open files.
 */
export const FILE_SYSTEM_CODES: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a file stands where a folder should be',
  EISDIR: 'a folder stands where a file should be',
  ENAMETOOLONG: 'path too long',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error (a failing disk?)',
};

/** The system error code of `error` (`EACCES`, `ENOSPC`…), when it has one. */
export function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The typed error for a file system failure while working on the model cache, with what to do: {@link DiskFullError}
 * for `ENOSPC` / `EDQUOT`, {@link FileSystemError} (code `LLMS_FILE_SYSTEM`, `details.errno`, `details.path`) for the
 * codes of {@link FILE_SYSTEM_CODES}; `undefined` for anything else (and for errors that are typed already).
 *
 * @param error - the failure
 * @param what - what was being done, e.g. `saving onnx/model.onnx of org/name`
 * @param fallbackPath - the path to name when the error does not carry one
 */
export function cacheFileSystemError(error: unknown, what: string, fallbackPath?: string): LlmShieldError | undefined {
  if (LlmShieldError.isInstance(error)) return undefined;
  const errno = errnoOf(error);
  if (errno === undefined) return undefined;
  const path = (error as NodeJS.ErrnoException).path ?? fallbackPath;
  const syscall = (error as NodeJS.ErrnoException).syscall;
  const where = path === undefined ? '' : ` at ${path}`;
  const details = { errno, ...(path === undefined ? {} : { path }), ...(syscall === undefined ? {} : { operation: syscall }) };
  if (DISK_FULL_CODES.has(errno)) {
    return new DiskFullError(
      `The disk is full (${errno}) while ${what}${where}. Free some space, or point LLM_SHIELD_HUB_CACHE / HF_HUB_CACHE ` +
        '(`--cache-dir`) to a larger disk, and run it again.',
      { cause: error, details },
    );
  }
  const meaning = FILE_SYSTEM_CODES[errno];
  if (meaning === undefined) return undefined;
  return new FileSystemError(`The model cache cannot be used while ${what}: ${errno} (${meaning})${where}. ${fileSystemHint(errno)}`, {
    cause: error,
    details,
  });
}

/**
 * What to do about a file system failure of the model cache, by system error code.
 *
 * @param errno - `EACCES`, `EROFS`, `ENOTDIR`…
 */
export function fileSystemHint(errno: string): string {
  switch (errno) {
    case 'EACCES':
    case 'EPERM':
      return 'Give your user write access to the cache folder, or choose a cache you own with LLM_SHIELD_HUB_CACHE / HF_HUB_CACHE (`--cache-dir`).';
    case 'EROFS':
      return 'The cache is on a read-only file system: choose a writable cache with LLM_SHIELD_HUB_CACHE / HF_HUB_CACHE (`--cache-dir`), or use it read-only with HF_HUB_OFFLINE=1 once the model is in it.';
    case 'ENOTDIR':
    case 'EISDIR':
      return 'Something in the cache path is not what the cache layout expects: move that file away, or choose another cache with LLM_SHIELD_HUB_CACHE / HF_HUB_CACHE (`--cache-dir`).';
    case 'EMFILE':
    case 'ENFILE':
      return 'Close other programs or raise the open-file limit (ulimit -n), and run it again.';
    default:
      return 'Check the cache folder, or choose another with LLM_SHIELD_HUB_CACHE / HF_HUB_CACHE (`--cache-dir`).';
  }
}

/**
 * True for the errors that make a cache lookup impossible without meaning the file is absent: the codes of
 * {@link FILE_SYSTEM_CODES} (an unreadable cache, a file where the cache folder should be). Lookups treat them as
 * "not cached" and warn.
 *
 * @param error - the failure of a read, stat or readlink
 */
export function isUnreadableCacheError(error: unknown): boolean {
  const errno = errnoOf(error);
  return errno !== undefined && errno in FILE_SYSTEM_CODES;
}

/**
 * The warning of a lookup that could not read the cache: names the path and the system error code, and says the model
 * is treated as not cached.
 *
 * @param error - the failure (its `path` is named when it has one)
 * @param what - what was looked up, e.g. `org/name@<commit>`
 * @param fallbackPath - the path to name when the error does not carry one
 */
export function unreadableCacheWarning(error: unknown, what: string, fallbackPath: string): string {
  const errno = errnoOf(error) ?? 'unknown error';
  const path = (error as NodeJS.ErrnoException | undefined)?.path ?? fallbackPath;
  const meaning = FILE_SYSTEM_CODES[errno];
  return (
    `The model cache cannot be read at ${path} (${errno}${meaning === undefined ? '' : `: ${meaning}`}); ` +
    `${what} is treated as not cached. ${fileSystemHint(errno)}`
  );
}
