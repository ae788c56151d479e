import { LlmShieldError } from '@llm-shield/core';
import { createServer, type LlmShieldServer } from '../create-server.js';
import { WORKER_OPTIONS_ENV, type WorkerMessage, type WorkerOptions } from './worker-protocol.js';

// One cluster worker: builds its own server from the primary's options, listens on the shared port, reports, and
// closes gracefully on the primary's `shutdown` message (or SIGINT/SIGTERM).
const send = (message: WorkerMessage) => process.send?.(message);
let server: LlmShieldServer | undefined;
let stopping = false;

async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server?.close();
  process.exit(0);
}

process.on('message', (message: WorkerMessage) => {
  if (message?.type === 'shutdown') void stop();
});
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

try {
  const { port, host, ...options } = JSON.parse(process.env[WORKER_OPTIONS_ENV] ?? '{}') as WorkerOptions;
  server = await createServer({ ...options, env: process.env });
  const url = await server.listen({ port, host });
  send({ type: 'listening', url, pid: process.pid });
} catch (error) {
  send(
    LlmShieldError.isInstance(error)
      ? { type: 'error', message: error.message, code: error.code, details: error.details }
      : { type: 'error', message: error instanceof Error ? error.message : String(error) },
  );
  process.exitCode = 1;
  process.disconnect?.();
}
