/**
 * Licence guard for the shipped weights: every model's licence is written identically in its manifest entry, its
 * `config.json`, its `metrics.json` and its model card; it is the SPDX id of a permissive licence;
 * and the package's `license` field (an SPDX `AND` expression) covers the code (MIT) and every shipped model's
 * licence and nothing else. Since the second generation (issue 13) no shipped model uses research-only or unverified
 * data, so a model with a non-permissive licence, or a stale `LicenseRef-…` term in the package, fails the test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_MODEL_LIST } from '../src/index.js';

const PACKAGE = fileURLToPath(new URL('../', import.meta.url));

/** SPDX ids of licences that allow shipping the weights in a commercial product. */
const PERMISSIVE_SPDX = new Set(['MIT', 'Apache-2.0', 'BSD-2-Clause', 'BSD-3-Clause', 'CC0-1.0', 'CC-BY-4.0', 'CC-BY-3.0']);


function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Terms of a flat SPDX `AND` expression (no `OR`, no parentheses). */
function andTerms(expression: string): string[] {
  expect(expression).not.toMatch(/\bOR\b|[()]/);
  return expression.split(/\s+AND\s+/).map((term) => term.trim());
}

describe('embedded model licences', () => {
  const pkg = readJson<{ license: string }>(`${PACKAGE}package.json`);
  const terms = andTerms(pkg.license);

  it.each(EMBEDDED_MODEL_LIST.map((m) => [m.name, m] as const))('%s: manifest, config, metrics and card agree', (name, model) => {
    const config = readJson<{ license: string }>(`${PACKAGE}models/${name}/config.json`);
    const metrics = readJson<{ license: string }>(`${PACKAGE}models/${name}/metrics.json`);
    const card = readFileSync(`${PACKAGE}models/${name}/README.md`, 'utf8');
    expect(config.license).toBe(model.license);
    expect(metrics.license).toBe(model.license);
    expect(card).toContain(`Licence marker: **\`${model.license}\`**`);
  });

  it.each(EMBEDDED_MODEL_LIST.map((m) => [m.name, m.license] as const))('%s: licence %s is the SPDX id of a permissive licence', (_name, license) => {
    expect(PERMISSIVE_SPDX.has(license)).toBe(true);
  });

  it('the package licence names no research-only or unverified data', () => {
    for (const term of terms) expect(term).not.toMatch(/^LicenseRef-/);
  });

  it('the package licence covers the code and every shipped model', () => {
    expect(terms).toContain('MIT');
    for (const model of EMBEDDED_MODEL_LIST) expect(terms).toContain(model.license);
    // no stale term: every term is the code's MIT or some shipped model's licence
    const used = new Set(['MIT', ...EMBEDDED_MODEL_LIST.map((m) => m.license)]);
    for (const term of terms) expect(used.has(term), term).toBe(true);
  });

  it('the prompt-injection model is licence-clean (no deepset, no research-only data: CC-BY-4.0)', () => {
    const pi = EMBEDDED_MODEL_LIST.find((m) => m.name === 'prompt-injection');
    expect(pi?.license).toBe('CC-BY-4.0');
    const metrics = readJson<{ train_sources: string[] }>(`${PACKAGE}models/prompt-injection/metrics.json`);
    // deepset (licence unverified), safeguard (unknown), DSTC8 (CC BY-SA), wizardlm (CC BY-NC) and promptmap (GPL)
    // are evaluation-only sets
    for (const source of metrics.train_sources) expect(source).not.toMatch(/deepset|safeguard|dstc8|wizardlm|promptmap/);
  });

  it('the sentiment and emotion models are licence-clean (GoEmotions, Apache-2.0)', () => {
    for (const name of ['sentiment', 'emotion']) expect(EMBEDDED_MODEL_LIST.find((m) => m.name === name)?.license).toBe('Apache-2.0');
  });

  it('the toxicity model is licence-clean: no research-only training source, and the package no longer says so', () => {
    const toxicity = EMBEDDED_MODEL_LIST.find((m) => m.name === 'toxicity');
    expect(PERMISSIVE_SPDX.has(toxicity?.license ?? '')).toBe(true);
    const metrics = readJson<{ data_options: { use_tweeteval?: boolean }; train_sources: string[] }>(`${PACKAGE}models/toxicity/metrics.json`);
    expect(metrics.data_options.use_tweeteval).toBe(false);
    expect(metrics.train_sources.filter((source) => /tweeteval|semeval/i.test(source))).toEqual([]);
    expect(terms).not.toContain('LicenseRef-research-only');
  });
});
