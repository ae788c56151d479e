import type { ServerOptions } from '../create-server.js';

/** Environment variable carrying a worker's options (JSON) from the cluster primary. */
export const WORKER_OPTIONS_ENV = 'LLM_SHIELD_SERVER_WORKER_OPTIONS';

/** What a worker is started with: plain-data server options plus where to listen. */
export type WorkerOptions = Omit<ServerOptions, 'shield' | 'logStream'> & { port: number; host: string };

/** Messages between the cluster primary and its workers. */
export type WorkerMessage =
  | { type: 'listening'; url: string; pid: number }
  | { type: 'error'; message: string; code?: string; details?: Record<string, unknown> }
  | { type: 'shutdown' };
