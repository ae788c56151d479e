import type { Shield } from '@llm-shield/shield';
import type { ServerSettings } from './config/server-config.js';
import type { ServerMetrics } from './metrics/server-metrics.js';

/** What the routes of one server share. */
export interface ServerContext {
  shield: Shield;
  settings: ServerSettings;
  metrics: ServerMetrics;
  /** `loading` while eager models warm up, `ready`, or `failed` (warm-up error, named in `error`). */
  readiness: { state: 'loading' | 'ready' | 'failed'; error?: string };
  /** Scans running now (awaited by a graceful close). */
  inFlight: Set<Promise<unknown>>;
  /** The server package's version. */
  version: string;
}
