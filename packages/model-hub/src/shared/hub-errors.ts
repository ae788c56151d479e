import { HubAuthRequiredError, HubNotFoundError, HubUnreachableError, type LlmShieldError, type LlmShieldErrorOptions } from '@llm-shield/core';

/** What a hub request is about, for error messages. */
export interface HubRequestContext {
  repoId: string;
  revision?: string;
  file?: string;
}

/** The platform's advice in hub error messages (Node names environment variables, the browser names options). */
export interface HubErrorAdvice {
  /** Ends the message of an unreachable hub, after `Check …`. */
  unreachable: string;
  /** For 401/403 when a token was sent. */
  tokenDenied: string;
  /** For 401/403 when no token was sent. */
  tokenMissing: string;
  /** Ends the message of a missing revision, after `check the commit or branch`. */
  revisionMissing: string;
  /** Ends the message of a missing repository, after `if it is private or gated, ` (token sent). */
  repoWithToken: string;
  /** Ends the message of a missing repository, after `if it is private or gated, ` (no token sent). */
  repoWithoutToken: string;
}

/**
 * Describes a request target for messages: `repo`, `repo@revision` or `file of repo@revision`.
 *
 * @param context - the request's repo, revision and file
 */
export function describeTarget(context: HubRequestContext): string {
  const where = context.revision === undefined ? context.repoId : `${context.repoId}@${context.revision}`;
  return context.file === undefined ? where : `${context.file} of ${where}`;
}

/**
 * The {@link HubUnreachableError} of a hub that failed or answered with a status that is no typed error.
 *
 * @param hubUrl - the hub asked
 * @param context - what the request was about
 * @param options - cause and details (`details.status` when the hub answered)
 * @param advice - the platform's advice
 */
export function unreachableError(hubUrl: string, context: HubRequestContext, options: LlmShieldErrorOptions, advice: HubErrorAdvice): HubUnreachableError {
  const status = options.details?.['status'];
  const why = status === undefined ? 'could not be reached' : `answered HTTP ${String(status)}`;
  return new HubUnreachableError(`The model hub at ${hubUrl} ${why} while fetching ${describeTarget(context)}. Check ${advice.unreachable}`, {
    ...options,
    details: { hubUrl, ...context, ...options.details },
  });
}

/**
 * The typed error for a non-2xx hub answer. `X-Error-Code` tells repo, revision, file and gating apart where the
 * server gives it; without it the status decides, and a 404 of a file request is taken as a missing file. The
 * response body is cancelled.
 *
 * @param response - the hub's answer
 * @param hubUrl - the hub asked
 * @param hasToken - whether a token was sent
 * @param context - what the request was about
 * @param attempts - how many attempts were made
 * @param advice - the platform's advice
 */
export async function hubErrorFromResponse(
  response: Response,
  hubUrl: string,
  hasToken: boolean,
  context: HubRequestContext,
  attempts: number,
  advice: HubErrorAdvice,
): Promise<LlmShieldError> {
  const errorCode = response.headers.get('x-error-code') ?? undefined;
  const serverMessage = response.headers.get('x-error-message') ?? undefined;
  await response.body?.cancel().catch(() => undefined);
  const details = { hubUrl, ...context, status: response.status, errorCode, serverMessage, attempts };
  const tokenHint = hasToken ? advice.tokenDenied : advice.tokenMissing;
  if (response.status === 404 || errorCode === 'RepoNotFound') {
    const what =
      errorCode === 'RevisionNotFound'
        ? `Revision ${JSON.stringify(context.revision)} does not exist in ${context.repoId}: check the commit or branch${advice.revisionMissing}`
        : errorCode === 'EntryNotFound' || (context.file !== undefined && errorCode === undefined)
          ? `File ${context.file ?? '?'} does not exist in ${context.repoId}@${context.revision ?? 'main'}: check the registry entry's paths or choose another variant.`
          : `Repository ${context.repoId} was not found on ${hubUrl}: check the id; if it is private or gated, ${hasToken ? advice.repoWithToken : advice.repoWithoutToken}`;
    return new HubNotFoundError(what, { details });
  }
  if (response.status === 401 || response.status === 403) {
    const gated = errorCode === 'GatedRepo' ? 'is gated' : 'requires authorisation';
    return new HubAuthRequiredError(`${context.repoId} ${gated} (HTTP ${response.status}). ${tokenHint}`, { details });
  }
  return unreachableError(hubUrl, context, { details }, advice);
}
