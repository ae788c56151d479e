import { createHash, timingSafeEqual } from 'node:crypto';
import type { ServerAuth } from '../config/server-config.js';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * Compares two secrets in constant time: both are hashed to SHA-256 first, so the comparison never depends on
 * where they differ, nor leaks the expected secret's length.
 */
export function secretsEqual(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** Why a request was refused, or `undefined` when it may pass. */
export type AuthFailure = { status: 401; message: string; challenge: string };

/**
 * Checks a request's `Authorization` header against the configured authentication (`none`: every request
 * passes). `http_bearer` wants `Bearer <token>`; `http_basic` wants `Basic base64(username:password)`; both
 * secrets are compared in constant time (see {@link secretsEqual}). A missing or malformed header and a wrong
 * secret give the same 401 answer with a `WWW-Authenticate` challenge.
 *
 * @param auth - the configured authentication
 * @param header - the request's `Authorization` header
 */
export function checkAuthorization(auth: ServerAuth, header: string | undefined): AuthFailure | undefined {
  if (auth.type === 'none') return undefined;
  if (auth.type === 'http_bearer') {
    const match = typeof header === 'string' ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
    // Compare even when the header is missing, so both paths do the same work.
    const ok = secretsEqual(match?.[1] ?? '', auth.token) && match !== null;
    return ok ? undefined : { status: 401, message: 'Invalid API key', challenge: 'Bearer' };
  }
  const match = typeof header === 'string' ? /^Basic[ \t]+([A-Za-z0-9+/=]{1,4096})[ \t]*$/i.exec(header) : null;
  const decoded = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const username = colon < 0 ? '' : decoded.slice(0, colon);
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  const userOk = secretsEqual(username, auth.username);
  const passwordOk = secretsEqual(password, auth.password);
  return userOk && passwordOk && colon >= 0 ? undefined : { status: 401, message: 'Invalid Username or Password', challenge: 'Basic realm="llm-shield"' };
}
