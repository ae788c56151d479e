import cluster, { type Worker } from 'node:cluster';
import { createRequire } from 'node:module';
import { InvalidConfigError, LlmShieldError } from '@llm-shield/core';
import { loadShieldConfigFile } from '@llm-shield/node';
import { validateShieldConfig } from '@llm-shield/shield/config';
import { readServerSettings } from '../config/server-config.js';
import { createServer, type LlmShieldServer, type ServerOptions } from '../create-server.js';
import { WORKER_OPTIONS_ENV, type WorkerMessage, type WorkerOptions } from './worker-protocol.js';

/** Options of {@link startServer}. */
export interface StartServerOptions extends ServerOptions {
  /** Port (default 8000, as llm-guard-api; 0 picks a free one). */
  port?: number;
  /** Host (default 127.0.0.1: loopback only; 0.0.0.0 to serve the network). */
  host?: string;
  /**
   * Processes serving the port (default 1). Above 1, `node:cluster` forks that many workers, each with its own
   * shield (models loaded once per worker) sharing the port; options must then be plain data (`configFile` or
   * `config`, no `shield` or `logStream`).
   */
  workers?: number;
}

/** A started server: one process, or a cluster primary with its workers. */
export interface StartedServer {
  /** `http://host:port`. */
  url: string;
  /** Number of processes serving. */
  workers: number;
  /** The in-process server (single process only). */
  server?: LlmShieldServer;
  /** Graceful stop of every process (in-flight scans finish first). */
  close(): Promise<void>;
}

/** Largest `workers` value accepted. */
export const MAX_WORKERS = 64;

/**
 * Starts serving: with `workers` ≤ 1 in this process; above 1 through `node:cluster` (this process becomes the
 * primary, forks the workers, restarts one that dies unexpectedly, and stops them all on {@link StartedServer.close}).
 * Rejects when the configuration is invalid or a worker fails to start (with the worker's error).
 */
export async function startServer(options: StartServerOptions = {}): Promise<StartedServer> {
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1 || workers > MAX_WORKERS) {
    throw new InvalidConfigError(`workers must be an integer from 1 to ${MAX_WORKERS}, got ${JSON.stringify(options.workers)}.`, { details: { field: 'workers', value: options.workers } });
  }
  const { port, host, workers: _workers, ...serverOptions } = options;
  if (workers === 1) {
    const server = await createServer(serverOptions);
    try {
      const url = await server.listen({ port: port ?? 8000, host: host ?? '127.0.0.1' });
      return { url, workers: 1, server, close: () => server.close() };
    } catch (error) {
      await server.close();
      throw error;
    }
  }
  if (options.shield || options.logStream) throw new InvalidConfigError('With several workers, pass the configuration as data (configFile or config), not a shield or a log stream.', { details: { field: 'workers' } });
  // Refuse a bad configuration here, before any worker is forked.
  const config = options.config ?? (options.configFile === undefined ? undefined : await loadShieldConfigFile(options.configFile, options.env ?? process.env));
  readServerSettings(config === undefined ? undefined : validateShieldConfig(config));
  return startCluster({ ...serverOptions, port: port ?? 8000, host: host ?? '127.0.0.1' } as WorkerOptions, workers);
}

/** The file `node:cluster` runs in each worker. */
export function workerEntryPath(): string {
  return createRequire(import.meta.url).resolve('@llm-shield/server/worker-entry');
}

function startCluster(options: WorkerOptions, count: number): Promise<StartedServer> {
  cluster.setupPrimary({ exec: workerEntryPath(), args: [], silent: false });
  const env = { ...(options.env ?? {}), [WORKER_OPTIONS_ENV]: JSON.stringify({ ...options, env: undefined }) };
  const live = new Set<Worker>();
  let closing = false;
  const fork = (): Worker => {
    const worker = cluster.fork({ ...process.env, ...env });
    live.add(worker);
    worker.once('exit', () => {
      live.delete(worker);
      if (!closing && started) fork();
    });
    return worker;
  };
  let started = false;
  return new Promise<StartedServer>((resolve, reject) => {
    let listening = 0;
    let url = '';
    const fail = (error: Error) => {
      closing = true;
      for (const worker of live) worker.kill();
      reject(error);
    };
    for (let i = 0; i < count; i++) {
      const worker = fork();
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'listening') {
          url = message.url;
          if (++listening === count) {
            started = true;
            resolve({ url, workers: count, close: () => stopCluster(live, () => (closing = true)) });
          }
        } else if (message.type === 'error') {
          fail(message.code ? new LlmShieldError(message.code as never, message.message, { details: message.details ?? {} }) : new Error(message.message));
        }
      });
      worker.once('exit', (code) => {
        if (!started) fail(new Error(`A server worker exited with code ${code} before it listened.`));
      });
    }
  });
}

async function stopCluster(live: Set<Worker>, markClosing: () => void): Promise<void> {
  markClosing();
  await Promise.all(
    [...live].map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          worker.send({ type: 'shutdown' } satisfies WorkerMessage);
        }),
    ),
  );
}
