import type { ModelVariant } from '@llm-shield/core';
import type { ModelCandidate, ModelRequest, ShieldPlatformV1 } from './model-platform.js';

/** What the caller asked of the model policy for one scanner. */
export interface ModelPolicyOptions {
  /** A folder path or URL for this scanner's model (precedence 1). */
  location?: string;
  /** Download the production model when it is not cached (default `false`: scanning never touches the network). */
  download?: boolean;
  /** Precision variant (default: the platform's preference). */
  variant?: ModelVariant;
}

/**
 * The model policy, the same on every platform: the caller's folder or URL; else the production model when it is
 * in the cache; else, only when downloads are asked for, the production model downloaded; else the embedded model;
 * else none (the scanner's rules answer). A cache that cannot be read is skipped with a warning, never an error.
 *
 * @param platform - how models are found on this platform
 * @param request - the scanner's task, name, variant and warning sink
 * @param options - the caller's location and download choice
 */
export async function resolveScannerModel(
  platform: ShieldPlatformV1,
  request: ModelRequest,
  options: ModelPolicyOptions = {},
): Promise<ModelCandidate | undefined> {
  if (options.location !== undefined) return platform.explicit(options.location, request);
  try {
    const cached = await platform.cached(request);
    if (cached) return cached;
  } catch (error) {
    request.warn(`${request.scanner}: the model cache could not be read (${error instanceof Error ? error.message : String(error)}); trying the next source.`);
  }
  if (options.download && platform.download) {
    const downloaded = await platform.download(request);
    if (downloaded) return downloaded;
  }
  return platform.embedded(request);
}
