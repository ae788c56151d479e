import { InvalidConfigError, type ModelVariant } from '@llm-shield/core';
import { assertRepoId } from '../cache-layout.js';

/** The precision variants, in order of preference when none is asked for. */
export const MODEL_VARIANTS = ['fp32', 'fp16', 'int8', 'quantized'] as const satisfies readonly ModelVariant[];

/** What a registry model classifies (`pii-ner`: a token classifier whose entities Anonymize / Sensitive replace). */
export type ModelTask = 'prompt-injection' | 'toxicity' | 'sentiment' | 'emotion' | 'text-classification' | 'pii-ner';

/**
 * How much a pinned revision can be trusted.
 * - `verified`: the commit was checked against the Hub; it is downloaded as is.
 * - `unverified`: the value could not be checked when the entry was written; the branch head is resolved
 *   instead and a warning names both, until someone confirms the pin.
 */
export type PinStatus = 'verified' | 'unverified';

/** A pinned revision of a Hub repo. */
export interface RevisionPin {
  /** 40-hex commit id; `null` only for an unverified pin that simply follows `branch`. */
  readonly commit: string | null;
  /** Branch the pin was taken from and that is resolved while the pin is unverified (default `main`). */
  readonly branch: string;
  readonly status: PinStatus;
  /** Where the value comes from and, when unverified, how to confirm it. */
  readonly source: string;
}

/** The files of a model inside its repo. */
export interface ModelFileLayout {
  /** ONNX graph per variant; only the variants the repo has. */
  readonly onnx: Readonly<Partial<Record<ModelVariant, string>>>;
  /** `tokenizer.json` path. */
  readonly tokenizer: string;
  /** `tokenizer_config.json` path, when the repo has one. */
  readonly tokenizerConfig?: string;
  /** `config.json` path (with `id2label`). */
  readonly config: string;
}

/** Scanner defaults that go with the model. */
export interface ModelDefaults {
  /** Decision threshold, on the scale of the scanner's `threshold` option. */
  readonly threshold: number;
  /** Maximum tokens per inference (truncation length). */
  readonly maxLength: number;
}

/** One model the scanners can use (registry format version 1). */
export interface ModelRegistryEntry {
  readonly registryVersion: 1;
  /** Registry id: the upstream model's repo id, e.g. `protectai/deberta-v3-base-prompt-injection-v2`. */
  readonly id: string;
  readonly task: ModelTask;
  /** Scanners that use it by default. */
  readonly scanners: readonly string[];
  /** Repo holding the ONNX export that is downloaded (may differ from `id`). */
  readonly repoId: string;
  readonly revision: RevisionPin;
  readonly files: ModelFileLayout;
  /** Labels in `id2label` order, as expected; `config.json` stays authoritative at load time. */
  readonly labels: readonly string[];
  readonly defaults: ModelDefaults;
  /** SPDX id of the model's license. */
  readonly license: string;
  /** Approximate download size in bytes per variant (ONNX graph plus tokenizer and config). */
  readonly approxSizeBytes: Readonly<Partial<Record<ModelVariant, number>>>;
  /** Anything a user should know (provenance of values, caveats). */
  readonly notes?: string;
}

/** What a user gives {@link defineModelEntry}; everything but the repo and the ONNX path has a default. */
export interface ModelEntryInput {
  /** Registry id (default: `repoId`). */
  id?: string;
  /** Hub repo with the ONNX export, `tokenizer.json` and `config.json`. */
  repoId: string;
  /** Commit pin; a branch name is accepted and treated as an unverified pin of that branch (default `main`). */
  revision?: string | Partial<RevisionPin>;
  /** ONNX path per variant (default `{ fp32: 'onnx/model.onnx' }`). */
  onnx?: Partial<Record<ModelVariant, string>>;
  /** Default `tokenizer.json`. */
  tokenizer?: string;
  /** Default: none. */
  tokenizerConfig?: string;
  /** Default `config.json`. */
  config?: string;
  /** Default `text-classification`. */
  task?: ModelTask;
  /** Default: none. */
  scanners?: readonly string[];
  /** Default: empty (read from `config.json`). */
  labels?: readonly string[];
  /** Default `{ threshold: 0.5, maxLength: 512 }`. */
  defaults?: Partial<ModelDefaults>;
  /** Default `unknown`. */
  license?: string;
  /** Default: none known. */
  approxSizeBytes?: Partial<Record<ModelVariant, number>>;
  notes?: string;
}

const COMMIT = /^[0-9a-f]{40}$/;

/** True for a full 40-hex commit id. */
export function isCommitHash(value: string): boolean {
  return COMMIT.test(value);
}

/**
 * Validates a repo-relative file path: `/`-separated, no empty, `.` or `..` segment, no backslash, not absolute.
 * Raises {@link InvalidConfigError} otherwise, so a registry entry can never write outside the cache.
 */
export function assertRepoPath(path: string): string {
  const segments = typeof path === 'string' ? path.split('/') : [];
  if (segments.length === 0 || path.includes('\\') || path.includes('\0') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new InvalidConfigError(`${JSON.stringify(path)} is not a valid file path inside a repo (expected e.g. "onnx/model.onnx").`);
  }
  return path;
}

/**
 * Checks a registry entry (repo id, 40-hex commit, safe file paths, at least one ONNX variant, sane defaults)
 * and returns it. Raises {@link InvalidConfigError} naming the entry and the field.
 */
export function assertModelEntry<Entry extends ModelRegistryEntry>(entry: Entry): Entry {
  const fail = (message: string): never => {
    throw new InvalidConfigError(`Model registry entry ${JSON.stringify(entry?.id)}: ${message}`, { details: { modelId: entry?.id } });
  };
  if (entry?.registryVersion !== 1) fail('registryVersion must be 1.');
  if (typeof entry.id !== 'string' || entry.id.trim() === '') fail('id must be a non-empty string.');
  assertRepoId(entry.repoId);
  if (entry.revision?.status !== 'verified' && entry.revision?.status !== 'unverified') fail('revision.status must be "verified" or "unverified".');
  const commit = entry.revision?.commit;
  if (commit === null ? entry.revision.status !== 'unverified' : !isCommitHash(commit ?? '')) {
    fail(`revision.commit must be a 40-hex commit id (or null for an unverified pin), got ${JSON.stringify(commit)}.`);
  }
  if (typeof entry.revision.branch !== 'string' || entry.revision.branch === '') fail('revision.branch must be a branch name.');
  const variants = Object.entries(entry.files?.onnx ?? {});
  if (variants.length === 0) fail('files.onnx must name at least one variant.');
  for (const [variant, path] of variants) {
    if (!(MODEL_VARIANTS as readonly string[]).includes(variant)) fail(`unknown variant ${JSON.stringify(variant)}.`);
    assertRepoPath(path as string);
  }
  assertRepoPath(entry.files.tokenizer);
  assertRepoPath(entry.files.config);
  if (entry.files.tokenizerConfig !== undefined) assertRepoPath(entry.files.tokenizerConfig);
  const { threshold, maxLength } = entry.defaults ?? {};
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) fail('defaults.threshold must be a finite number.');
  if (!Number.isInteger(maxLength) || (maxLength as number) <= 0) fail('defaults.maxLength must be a positive integer.');
  return entry;
}

/**
 * Builds a registry entry for any Hub repo with an ONNX export, `tokenizer.json` and `config.json`, filling in
 * the defaults of {@link ModelEntryInput}. A revision that is not a commit id (or none) makes an unverified pin:
 * the branch head is resolved at download time.
 */
export function defineModelEntry(input: ModelEntryInput): ModelRegistryEntry {
  const revision = typeof input.revision === 'string' ? input.revision : undefined;
  const pin: Partial<RevisionPin> = typeof input.revision === 'object' && input.revision !== null ? input.revision : {};
  const commit = pin.commit ?? (revision !== undefined && isCommitHash(revision) ? revision : null);
  const branch = pin.branch ?? (revision !== undefined && !isCommitHash(revision) ? revision : 'main');
  const pinned = commit !== null;
  return assertModelEntry({
    registryVersion: 1,
    id: input.id ?? input.repoId,
    task: input.task ?? 'text-classification',
    scanners: input.scanners ?? [],
    repoId: input.repoId,
    revision: {
      commit,
      branch,
      status: pin.status ?? (pinned ? 'verified' : 'unverified'),
      source: pin.source ?? (pinned ? 'given by the user' : `no pin given: the head of "${branch}" is used`),
    },
    files: {
      onnx: input.onnx ?? { fp32: 'onnx/model.onnx' },
      tokenizer: input.tokenizer ?? 'tokenizer.json',
      ...(input.tokenizerConfig === undefined ? {} : { tokenizerConfig: input.tokenizerConfig }),
      config: input.config ?? 'config.json',
    },
    labels: input.labels ?? [],
    defaults: { threshold: input.defaults?.threshold ?? 0.5, maxLength: input.defaults?.maxLength ?? 512 },
    license: input.license ?? 'unknown',
    approxSizeBytes: input.approxSizeBytes ?? {},
    ...(input.notes === undefined ? {} : { notes: input.notes }),
  });
}
