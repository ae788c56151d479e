/**
 * Child process of concurrency.test.ts: waits for the `go` file, pulls the tiny model into the shared cache and
 * prints what it got as JSON. Run with `node --conditions=@llm-shield/source --import tsx pull-child.ts <hub> <cache> <barrier>`.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createModelHub } from '../src/node/index.js';
import { tinyEntry } from './fixtures.js';

const [hubUrl, cacheDir, barrier, name] = process.argv.slice(2) as [string, string, string, string];
await writeFile(join(barrier, `ready-${name}`), '');
while (!existsSync(join(barrier, 'go'))) await new Promise((resolve) => setTimeout(resolve, 10));
const hub = createModelHub({ cacheDir, hubUrl, token: null, offline: false, onWarning: () => undefined, retryDelayMs: 10 });
const pulled = await hub.pull(tinyEntry());
process.stdout.write(
  JSON.stringify({
    commit: pulled.commit,
    model: pulled.files.model.path,
    downloaded: Object.fromEntries(Object.entries(pulled.files).map(([role, file]) => [role, file.downloaded])),
  }),
);
