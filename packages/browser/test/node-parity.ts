/**
 * The check shared by the browser entry's Chromium tests: a page's scans of the parity probes against Node's
 * `createShield()` on the same texts (the embedded models, an empty Hugging Face cache).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the page's verdicts are compared with Node's entry
import { createShield as createNodeShield } from '@llm-shield/node';
import type { PageRun, PageScan } from './page/page.js';

/** Scores of a page and of Node may differ by this much (float32 kernels of onnxruntime-web vs onnxruntime-node). */
export const TOLERANCE = 1e-3;

/** The 30 texts of tools/fixtures/parity-probes.json. */
export const PROBES: readonly string[] = (
  JSON.parse(readFileSync(new URL('../../../tools/fixtures/parity-probes.json', import.meta.url), 'utf8')) as { probes: Array<{ text: string }> }
).probes.map((probe) => probe.text);

/**
 * Asserts that every scan of the page was answered by the models (never `fallback`: PromptInjection `ml`, Toxicity
 * `hybrid` or, where its rules keep the gate shut, `heuristic`), with the same methods and verdicts as Node's and
 * scores within {@link TOLERANCE}; returns the largest score difference and the number of `hybrid` answers.
 */
export async function expectParityWithNode(inPage: readonly PageScan[]): Promise<{ worst: number; hybrid: number }> {
  const work = mkdtempSync(join(tmpdir(), 'llm-shield-browser-node-'));
  const node = await createNodeShield({ env: { LLM_SHIELD_HUB_CACHE: join(work, 'hub') } });
  let worst = 0;
  let hybrid = 0;
  try {
    for (const scan of inPage) {
      const nodePrompt = await node.scanPrompt(scan.text);
      const nodeOutput = await node.scanOutput('', scan.text);
      expect(scan.valid, scan.text).toBe(nodePrompt.valid);
      const pairs: Array<[PageRun[], typeof nodePrompt.runs]> = [
        [scan.prompt, nodePrompt.runs],
        [scan.output, nodeOutput.runs],
      ];
      for (const [pageRuns, nodeRuns] of pairs) {
        expect(pageRuns.map((run) => run.scanner)).toEqual(nodeRuns.map((run) => run.scanner));
        for (const [k, run] of pageRuns.entries()) {
          const other = nodeRuns[k]!;
          if (other.status !== 'completed') throw new Error(`${other.scanner} did not complete in Node`);
          const where = `${run.scanner} on ${JSON.stringify(scan.text)}`;
          expect(run.status, where).toBe('completed');
          expect(run.method, `${where}: ${run.fallbackReason ?? ''}`).not.toBe('fallback');
          // PromptInjection's embedded model answers alone; Toxicity's default mode is hybrid: the model answers
          // when the rules open the gate ("hybrid"), else the rules' verdict stands ("heuristic"), as in Node.
          expect(run.method, where).toMatch(run.scanner === 'PromptInjection' ? /^ml$/ : /^(hybrid|heuristic)$/);
          expect(run.method, where).toBe(other.result.method);
          expect(run.valid, where).toBe(other.result.valid);
          worst = Math.max(worst, Math.abs(run.score! - other.result.score));
          expect(Math.abs(run.score! - other.result.score), where).toBeLessThanOrEqual(TOLERANCE);
          if (run.method === 'hybrid') hybrid++;
        }
      }
    }
  } finally {
    await node.close();
    rmSync(work, { recursive: true, force: true });
  }
  return { worst, hybrid };
}
