import { DiskFullError, ErrorCode, FileSystemError, HubUnreachableError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { cacheFileSystemError, isUnreadableCacheError, unreadableCacheWarning } from './file-system-errors.js';

const errno = (code: string, path = '/cache/models--a--b') => Object.assign(new Error(`${code}: failed, open '${path}'`), { code, path, syscall: 'open' });

describe('file system errors of the model cache', () => {
  it.each([
    ['EACCES', /write access/],
    ['EPERM', /write access/],
    ['EROFS', /read-only file system.*HF_HUB_OFFLINE/],
    ['ENOTDIR', /not what the cache layout expects/],
    ['EISDIR', /not what the cache layout expects/],
  ])('%s becomes a FileSystemError naming the path and errno, with a hint', (code, hint) => {
    const error = cacheFileSystemError(errno(code), 'saving x');
    expect(error).toBeInstanceOf(FileSystemError);
    expect(error?.code).toBe(ErrorCode.FileSystem);
    expect(error?.details).toEqual({ errno: code, path: '/cache/models--a--b', operation: 'open' });
    expect(error?.message).toContain('/cache/models--a--b');
    expect(error?.message).toMatch(hint);
  });

  it('ENOSPC and EDQUOT become DiskFullError; other errors and typed ones are left alone', () => {
    expect(cacheFileSystemError(errno('ENOSPC'), 'saving x')).toBeInstanceOf(DiskFullError);
    expect(cacheFileSystemError(errno('EDQUOT'), 'saving x')).toBeInstanceOf(DiskFullError);
    expect(cacheFileSystemError(errno('ECONNRESET'), 'saving x')).toBeUndefined();
    expect(cacheFileSystemError(new Error('plain'), 'saving x')).toBeUndefined();
    expect(cacheFileSystemError(new HubUnreachableError('x'), 'saving x')).toBeUndefined();
  });

  it('an unreadable cache (EACCES, ENOTDIR…) is "not cached" for lookups, with a warning naming the path and errno', () => {
    expect(isUnreadableCacheError(errno('EACCES'))).toBe(true);
    expect(isUnreadableCacheError(errno('ENOTDIR'))).toBe(true);
    expect(isUnreadableCacheError(errno('ENOENT'))).toBe(false);
    expect(isUnreadableCacheError(new Error('plain'))).toBe(false);
    const warning = unreadableCacheWarning(errno('EACCES'), 'tiny (fp32)', '/fallback');
    expect(warning).toMatch(/^The model cache cannot be read at \/cache\/models--a--b \(EACCES: permission denied\); tiny \(fp32\) is treated as not cached\./);
  });
});
