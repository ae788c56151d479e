import { startServer, type StartedServer } from '@llm-shield/server';
import type { CliIo } from '../cli-io.js';
import { parseServeArgs } from './serve-args.js';
import { SERVE_HELP } from './serve-help.js';

/** How a caller (a test, an embedding program) controls a running `serve`. */
export interface ServeControl {
  /** Stops the server when aborted (besides SIGINT / SIGTERM). */
  stop?: AbortSignal;
  /** Called once the server listens. */
  onListening?: (server: StartedServer) => void;
}

/**
 * `llm-shield serve`: starts the HTTP server on the configuration, prints where it listens, and returns 0 once
 * stopped by SIGINT / SIGTERM (or `control.stop`), after in-flight scans finished.
 */
export async function serveCommand(argv: readonly string[], io: CliIo, control: ServeControl = {}): Promise<number> {
  const args = parseServeArgs(argv);
  if (args.help) {
    io.stdout.write(SERVE_HELP);
    return 0;
  }
  const server = await startServer({
    configFile: args.config!,
    env: io.env ?? {},
    port: args.port,
    host: args.host,
    workers: args.workers,
    strict: args.strict,
    ...(args.detectionMode ? { shieldOptions: { detectionMode: args.detectionMode } } : {}),
  });
  io.stderr.write(`llm-shield serve: listening on ${server.url} (${server.workers} worker${server.workers > 1 ? 's' : ''})\n`);
  control.onListening?.(server);
  await new Promise<void>((resolve) => {
    const done = () => {
      process.off('SIGINT', done);
      process.off('SIGTERM', done);
      control.stop?.removeEventListener('abort', done);
      resolve();
    };
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
    if (control.stop?.aborted) done();
    else control.stop?.addEventListener('abort', done, { once: true });
  });
  io.stderr.write('llm-shield serve: stopping (in-flight scans finish first)\n');
  await server.close();
  return 0;
}
