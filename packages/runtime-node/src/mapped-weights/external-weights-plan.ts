import { InvalidModelError } from '@llm-shield/core';
import { byteLength, encodeBytesField, encodeStringField, encodeVarintField, readFields, type WireField } from './protobuf-wire.js';

/** ONNX field numbers this rewrite touches (onnx.proto3). */
const MODEL_GRAPH = 7;
const GRAPH_INITIALIZER = 5;
const TENSOR_RAW_DATA = 9;
const TENSOR_EXTERNAL_DATA = 13;
const TENSOR_DATA_LOCATION = 14;
const DATA_LOCATION_EXTERNAL = 1;

/** Initializers of at least this many bytes go to the data file (default of {@link ExternalWeightsOptions.minTensorBytes}). */
export const DEFAULT_MIN_TENSOR_BYTES = 1024;
/** Alignment of initializers of 1 MiB or more: 64 KiB, the allocation granularity on Windows, a multiple of any page. */
export const LARGE_TENSOR_ALIGNMENT = 65536;
/** Alignment of smaller initializers: 4 KiB, the page size of Linux and x86 macOS. */
export const SMALL_TENSOR_ALIGNMENT = 4096;
const LARGE_TENSOR_BYTES = 1 << 20;

/** Options of {@link planExternalWeights}. */
export interface ExternalWeightsOptions {
  /** Initializers with at least this many bytes of `raw_data` move to the data file (default 1,024). */
  minTensorBytes?: number;
}

/** One initializer's bytes and where they go in the data file. */
export interface ExternalWeightsChunk {
  readonly offset: number;
  readonly bytes: Uint8Array;
}

/** The rewritten model: its graph file (as parts), the data file's chunks and sizes. */
export interface ExternalWeightsPlan {
  /** The new model file, as parts to write one after the other. */
  readonly model: readonly Uint8Array[];
  /** Bytes of the new model file. */
  readonly modelBytes: number;
  /** The data file: every chunk at its offset (the gaps are zeros). */
  readonly chunks: readonly ExternalWeightsChunk[];
  /** Size of the data file: the end of the last chunk. */
  readonly dataBytes: number;
  /** How many initializers moved. */
  readonly initializersMoved: number;
}

/** Why {@link planExternalWeights} left a model as it is. */
export type ExternalWeightsSkip = 'already-external' | 'nothing-to-move';

const alignUp = (offset: number, alignment: number): number => Math.ceil(offset / alignment) * alignment;

/**
 * Plans the rewrite of a single-file ONNX model into a graph file plus a data file named `dataFileName` (resolved by
 * onnxruntime relative to the graph file's folder): every top-level initializer whose `raw_data` has at least
 * `minTensorBytes` bytes moves to the data file at an offset aligned to 64 KiB (1 MiB or more) or 4 KiB (smaller),
 * the alignment onnxruntime's CPU provider needs to memory-map it instead of copying it. The same layout as
 * `tools/production-shaped/external_data.py`. Everything else of the model is copied byte for byte; initializers
 * inside subgraphs and those stored in typed fields (`float_data`, ...) stay where they are.
 *
 * @returns the plan, or why nothing is to be done: `already-external` when some initializer already lives in an
 *   external file, `nothing-to-move` when no initializer is large enough
 * @throws InvalidModelError when the bytes are not a well-formed protobuf with exactly one graph
 */
export function planExternalWeights(
  model: Uint8Array,
  dataFileName: string,
  options: ExternalWeightsOptions = {},
): ExternalWeightsPlan | ExternalWeightsSkip {
  const minTensorBytes = options.minTensorBytes ?? DEFAULT_MIN_TENSOR_BYTES;
  const modelFields = readFields(model, 0, model.length);
  const graphs = modelFields.filter((f) => f.field === MODEL_GRAPH && f.wireType === 2);
  if (graphs.length !== 1) {
    return invalidModel(graphs.length === 0 ? 'it has no graph' : 'its graph field appears more than once');
  }
  const graph = graphs[0] as WireField;
  const chunks: ExternalWeightsChunk[] = [];
  const graphParts: Uint8Array[] = [];
  let dataBytes = 0;
  for (const field of readFields(model, graph.valueStart, graph.end)) {
    if (field.field !== GRAPH_INITIALIZER || field.wireType !== 2) {
      graphParts.push(model.subarray(field.start, field.end));
      continue;
    }
    const tensorFields = readFields(model, field.valueStart, field.end);
    if (tensorFields.some((f) => (f.field === TENSOR_DATA_LOCATION && f.varint === DATA_LOCATION_EXTERNAL) || f.field === TENSOR_EXTERNAL_DATA)) {
      return 'already-external';
    }
    const raw = tensorFields.filter((f) => f.field === TENSOR_RAW_DATA && f.wireType === 2);
    const data = raw.length === 1 ? (raw[0] as WireField) : undefined;
    if (data === undefined || data.end - data.valueStart < minTensorBytes) {
      graphParts.push(model.subarray(field.start, field.end));
      continue;
    }
    const length = data.end - data.valueStart;
    const offset = alignUp(dataBytes, length >= LARGE_TENSOR_BYTES ? LARGE_TENSOR_ALIGNMENT : SMALL_TENSOR_ALIGNMENT);
    chunks.push({ offset, bytes: model.subarray(data.valueStart, data.end) });
    dataBytes = offset + length;
    const tensor: Uint8Array[] = tensorFields.filter((f) => f !== data).map((f) => model.subarray(f.start, f.end));
    for (const [key, value] of [['location', dataFileName], ['offset', String(offset)], ['length', String(length)]] as const) {
      tensor.push(...encodeBytesField(TENSOR_EXTERNAL_DATA, [...encodeStringField(1, key), ...encodeStringField(2, value)]));
    }
    tensor.push(...encodeVarintField(TENSOR_DATA_LOCATION, DATA_LOCATION_EXTERNAL));
    graphParts.push(...encodeBytesField(GRAPH_INITIALIZER, tensor));
  }
  if (chunks.length === 0) return 'nothing-to-move';
  const parts: Uint8Array[] = [];
  for (const field of modelFields) {
    if (field === graph) parts.push(...encodeBytesField(MODEL_GRAPH, graphParts));
    else parts.push(model.subarray(field.start, field.end));
  }
  return { model: parts, modelBytes: byteLength(parts), chunks, dataBytes, initializersMoved: chunks.length };
}

/**
 * The largest `offset + length` the external initializers of `model` (a graph file written by
 * {@link planExternalWeights}) refer to in `dataFileName`, or `undefined` when it refers to none (or to another
 * file): a data file shorter than this is incomplete.
 *
 * @throws InvalidModelError when the bytes are not a well-formed protobuf
 */
export function externalDataExtent(model: Uint8Array, dataFileName: string): number | undefined {
  const graph = readFields(model, 0, model.length).find((f) => f.field === MODEL_GRAPH && f.wireType === 2);
  if (graph === undefined) return undefined;
  const decoder = new TextDecoder();
  let extent: number | undefined;
  for (const field of readFields(model, graph.valueStart, graph.end)) {
    if (field.field !== GRAPH_INITIALIZER || field.wireType !== 2) continue;
    const entries = new Map<string, string>();
    for (const f of readFields(model, field.valueStart, field.end)) {
      if (f.field !== TENSOR_EXTERNAL_DATA || f.wireType !== 2) continue;
      const kv = readFields(model, f.valueStart, f.end);
      const text = (n: number) => {
        const x = kv.find((k) => k.field === n && k.wireType === 2);
        return x ? decoder.decode(model.subarray(x.valueStart, x.end)) : '';
      };
      entries.set(text(1), text(2));
    }
    if (entries.size === 0) continue;
    if (entries.get('location') !== dataFileName) return undefined;
    const end = Number(entries.get('offset') ?? '0') + Number(entries.get('length') ?? 'NaN');
    if (!Number.isSafeInteger(end)) return undefined;
    extent = Math.max(extent ?? 0, end);
  }
  return extent;
}

function invalidModel(why: string): never {
  throw new InvalidModelError(`Not a valid ONNX model: ${why}.`);
}
