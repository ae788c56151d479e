import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InferenceFailedError, InvalidConfigError, LlmShieldError } from '@llm-shield/core';
import { externalDataExtent, planExternalWeights, DEFAULT_MIN_TENSOR_BYTES } from './external-weights-plan.js';

/**
 * Options of memory-mapped weights (`mappedWeights` of `createNodeRuntime`): single-file models loaded by path are
 * rewritten once into `dir` as a graph file plus a page-aligned data file, which onnxruntime memory-maps.
 */
export interface MappedWeightsOptions {
  /** Folder that holds the rewritten models, one sub-folder per source file (created when missing). Required. */
  dir: string;
  /** Models smaller than this many bytes are loaded as they are (default 16 MiB: the embedded models stay as is). */
  minModelBytes?: number;
  /** Initializers with at least this many bytes move to the data file (default 1,024). */
  minTensorBytes?: number;
}

/** Default of {@link MappedWeightsOptions.minModelBytes}: 16 MiB. */
export const DEFAULT_MIN_MODEL_BYTES = 16 * 1024 * 1024;
/** File names inside a rewritten model's folder. */
export const MAPPED_MODEL_FILE = 'model.onnx';
export const MAPPED_DATA_FILE = 'model.onnx.data';
/** Marker written when a source cannot be rewritten (already external, nothing large enough), so it is not read again. */
const SKIP_FILE = 'as-is';
const OPTION_KEYS = ['dir', 'minModelBytes', 'minTensorBytes'];

/**
 * Checks `mappedWeights` (`undefined` and `false` mean off), raising {@link InvalidConfigError} with
 * `details: { option }` for an unknown key or `details: { field, value }` for a bad value.
 */
export function checkMappedWeightsOptions(value: unknown): asserts value is MappedWeightsOptions | false | undefined {
  if (value === undefined || value === false) return;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidConfigError('mappedWeights must be an object { dir, minModelBytes?, minTensorBytes? } or false.', { details: { field: 'mappedWeights', value } });
  }
  for (const key of Object.keys(value)) {
    if (!OPTION_KEYS.includes(key)) {
      throw new InvalidConfigError(`Unknown mappedWeights option ${JSON.stringify(key)}; known: ${OPTION_KEYS.join(', ')}.`, { details: { option: `mappedWeights.${key}` } });
    }
  }
  const options = value as Record<string, unknown>;
  if (typeof options['dir'] !== 'string' || options['dir'].length === 0) {
    throw new InvalidConfigError('mappedWeights.dir must be a non-empty folder path.', { details: { field: 'mappedWeights.dir', value: options['dir'] } });
  }
  for (const [field, min] of [['minModelBytes', 0], ['minTensorBytes', 1]] as const) {
    const x = options[field];
    if (x !== undefined && !(Number.isSafeInteger(x) && (x as number) >= min)) {
      throw new InvalidConfigError(`mappedWeights.${field} must be an integer ≥ ${min}, got ${JSON.stringify(x)}.`, { details: { field: `mappedWeights.${field}`, value: x } });
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** The rewritten model in `folder`, if it is complete: its graph parses and the data file covers every reference. */
async function completeRewrite(folder: string): Promise<string | undefined> {
  const model = join(folder, MAPPED_MODEL_FILE);
  try {
    const extent = externalDataExtent(await readFile(model), MAPPED_DATA_FILE);
    const data = await stat(join(folder, MAPPED_DATA_FILE));
    return extent !== undefined && data.size >= extent ? model : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The path to load for the single-file model at `sourcePath`: the source itself when it is smaller than
 * `minModelBytes` or cannot be rewritten (it already has external data; no initializer is large enough), otherwise
 * its rewrite with page-aligned external data in `dir/<key>/` (key: SHA-256 of the source's real path, size and
 * modification time), written on first use and reused after. Writing is safe against crashes and concurrent
 * processes: both files are written under temporary names, synced, then renamed, data first; a rewrite is used only
 * when its graph parses and its data file covers every offset the graph names. The rewrite reads the whole source
 * into memory once (a transient of the model's size).
 *
 * @throws InvalidModelError when the source is not a valid model, InferenceFailedError when the folder cannot be written
 */
export async function resolveMappedModel(sourcePath: string, options: MappedWeightsOptions): Promise<string> {
  const info = await stat(sourcePath).catch(() => undefined);
  if (info === undefined || !info.isFile() || info.size < (options.minModelBytes ?? DEFAULT_MIN_MODEL_BYTES)) return sourcePath;
  const real = await realpath(sourcePath);
  const key = createHash('sha256').update(`${real}\0${info.size}\0${info.mtimeMs}`).digest('hex').slice(0, 32);
  const folder = join(options.dir, key);
  if (await exists(join(folder, SKIP_FILE))) return sourcePath;
  const ready = await completeRewrite(folder);
  if (ready !== undefined) return ready;

  const plan = planExternalWeights(await readFile(sourcePath), MAPPED_DATA_FILE, { minTensorBytes: options.minTensorBytes ?? DEFAULT_MIN_TENSOR_BYTES });
  const suffix = `.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const dataTemp = join(folder, MAPPED_DATA_FILE + suffix);
  const modelTemp = join(folder, MAPPED_MODEL_FILE + suffix);
  try {
    await mkdir(folder, { recursive: true });
    if (typeof plan === 'string') {
      await writeFile(join(folder, SKIP_FILE), `${plan}\n`);
      return sourcePath;
    }
    const data = await open(dataTemp, 'w');
    try {
      for (const chunk of plan.chunks) await data.write(chunk.bytes, 0, chunk.bytes.length, chunk.offset);
      await data.truncate(plan.dataBytes);
      await data.sync();
    } finally {
      await data.close();
    }
    const graph = await open(modelTemp, 'w');
    try {
      await graph.write(Buffer.concat(plan.model));
      await graph.sync();
    } finally {
      await graph.close();
    }
    await rename(dataTemp, join(folder, MAPPED_DATA_FILE));
    await rename(modelTemp, join(folder, MAPPED_MODEL_FILE));
  } catch (error) {
    await Promise.all([dataTemp, modelTemp].map((temp) => rm(temp, { force: true }).catch(() => undefined)));
    if (LlmShieldError.isInstance(error)) throw error;
    throw new InferenceFailedError(`Could not write the memory-mapped copy of ${sourcePath} into ${folder}: ${(error as Error).message}`, {
      cause: error,
      details: { model: sourcePath, dir: options.dir },
    });
  }
  return join(folder, MAPPED_MODEL_FILE);
}
