/**
 * The ML scanners on the browser test's page: a `PromptInjection` or `Sentiment` scanner of `@llm-shield/scanners`
 * in `ml` mode, with runtime-web and an HTTP model source over the test server's fixture models.
 */
import type { InferenceRuntimeV1, ScanResultV1 } from '@llm-shield/core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test page only: the scanners are what an app runs on runtime-web
import { PromptInjection, Sentiment } from '@llm-shield/scanners';
import { createHttpModelSource } from './http-model-source.js';

/** The scanners the page can run. */
export type PageScannerName = 'PromptInjection' | 'Sentiment';

/** What the page returns for one scan request. */
export interface ScanPageResult {
  /** `scanMany` over all texts (one call, length-bucketed batches). */
  many: ScanResultV1[];
  /** `scanMany` of each text alone (batch of 1). */
  single: ScanResultV1[];
}

/** A function that scans texts with a fixture model in the page. */
export type ScanFixture = (scanner: PageScannerName, modelId: string, texts: string[]) => Promise<ScanPageResult>;

/**
 * Returns the page's scan function over `runtime`; models are fetched from `<base><modelId>/`.
 *
 * @param runtime - the page's runtime-web instance (shared with the raw-logits test)
 * @param base - URL prefix of the model folders (default `/fixtures/`)
 */
export function createScanFixture(runtime: InferenceRuntimeV1, base = '/fixtures/'): ScanFixture {
  const source = createHttpModelSource(base);
  return async (scanner, modelId, texts) => {
    const model = { source, runtime, id: modelId, variant: 'fp32' as const };
    const instance = scanner === 'PromptInjection' ? new PromptInjection({ model, mode: 'ml' }) : new Sentiment({ model, mode: 'ml' });
    const many = await instance.scanMany(texts);
    const single: ScanResultV1[] = [];
    for (const text of texts) single.push((await instance.scanMany([text]))[0]!);
    return { many, single };
  };
}
