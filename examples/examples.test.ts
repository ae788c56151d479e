import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs an example as a user would (`node examples/x.mjs`, the built packages) and returns its output lines. */
async function runExample(name: string): Promise<string[]> {
  const { stdout } = await run(process.execPath, [fileURLToPath(new URL(`./${name}`, import.meta.url))], { timeout: 120_000 });
  return stdout.trim().split('\n');
}

describe('examples', () => {
  it('ai-sdk-generate.mjs answers a benign prompt and rejects an injection', async () => {
    expect(await runExample('ai-sdk-generate.mjs')).toEqual(['answer: Paris is the capital of France.', 'rejected: LLMS_PROMPT_REJECTED (PromptInjection)']);
  });

  it('ai-sdk-stream.mjs stops the stream at the toxic sentence', async () => {
    expect(await runExample('ai-sdk-stream.mjs')).toEqual([
      'streamed: The weather is fine today. We walked to the park. [the rest was removed by llm-shield]',
      'finish: content-filter',
    ]);
  });

  it('express-route.mjs answers 200, then 400 with the error code', async () => {
    expect(await runExample('express-route.mjs')).toEqual([
      '200 {"text":"Happy to help with that."}',
      '400 {"error":{"code":"LLMS_PROMPT_REJECTED","failedScanners":["PromptInjection"]}}',
    ]);
  });

  it('next-route-handler.mjs streams an answer, then answers 400', async () => {
    expect(await runExample('next-route-handler.mjs')).toEqual([
      '200 Here is a short answer. It has two sentences.',
      '400 {"error":{"code":"LLMS_PROMPT_REJECTED","failedScanners":["PromptInjection"]}}',
    ]);
  });

  it('the route handler can be called directly with a Request', async () => {
    const { POST } = (await import('./next-route-handler.mjs')) as { POST: (request: Request) => Promise<Response> };
    const response = await POST(new Request('http://localhost/api/chat', { method: 'POST', body: JSON.stringify({ prompt: 'Hi there.' }) }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Here is a short answer. It has two sentences.');
  });

  it('server-curl.sh: llm-shield serve answers curl as llm-guard-api would (verdicts, redaction, auth)', async () => {
    const { stdout } = await run('bash', [fileURLToPath(new URL('./server-curl.sh', import.meta.url))], { timeout: 120_000 });
    const lines = stdout.trim().split('\n');
    const parse = (line: string) => ({ body: JSON.parse(line.slice(0, line.lastIndexOf(' '))), status: Number(line.slice(line.lastIndexOf(' ') + 1)) });
    expect(lines).toHaveLength(5);
    expect(parse(lines[0]!)).toMatchObject({ status: 200, body: { is_valid: true, sanitized_prompt: 'What is the capital of France?' } });
    expect(parse(lines[1]!)).toMatchObject({ status: 200, body: { is_valid: false } });
    expect(parse(lines[1]!).body.scanners.PromptInjection).toBeGreaterThan(0);
    const secret = parse(lines[2]!);
    expect(secret.body.is_valid).toBe(false);
    expect(secret.body.sanitized_prompt).not.toContain('ghp_');
    expect(parse(lines[3]!)).toMatchObject({ status: 200, body: { is_valid: true } });
    expect(lines[4]).toBe('unauthenticated 401');
  });
});
