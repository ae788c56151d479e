/** Element types a tensor may hold. */
export type TensorDataType = 'float32' | 'float16' | 'int64' | 'int32' | 'int8' | 'uint8' | 'bool';

/** Typed array for each {@link TensorDataType}. float16 travels as raw `Uint16Array` bits. */
export interface TensorDataByType {
  float32: Float32Array;
  float16: Uint16Array;
  int64: BigInt64Array;
  int32: Int32Array;
  int8: Int8Array;
  uint8: Uint8Array;
  bool: Uint8Array;
}

/** A minimal dense tensor, so that no runtime's own tensor type leaks into scanners (contract version 1). */
export interface TensorV1<T extends TensorDataType = TensorDataType> {
  readonly type: T;
  /** Dimensions, outermost first; the product equals `data.length`. */
  readonly dims: readonly number[];
  readonly data: TensorDataByType[T];
}

/** Where a model comes from: its bytes, or a path the runtime can read (node runtimes only). */
export type ModelInputV1 = { bytes: Uint8Array } | { path: string };

/** Options common to every runtime's sessions. Backends document which they honour and add their own. */
export interface SessionOptionsV1 {
  /** Threads used inside one operator (default: the runtime's own choice). */
  intraOpThreads?: number;
  /** Graph optimisation level (default `all`). */
  graphOptimizationLevel?: 'disabled' | 'basic' | 'extended' | 'all';
}

/** One loaded model, ready to run (contract version 1). */
export interface InferenceSessionV1 {
  /** Names of the graph's inputs, in order. Feed exactly these. */
  readonly inputNames: readonly string[];
  /** Names of the graph's outputs, in order. */
  readonly outputNames: readonly string[];
  /** Runs the model. Rejects with `InferenceFailedError` on failure. */
  run(feeds: Record<string, TensorV1>, options?: { signal?: AbortSignal }): Promise<Record<string, TensorV1>>;
  /** Frees the session. Further calls to `run` reject. */
  dispose(): Promise<void>;
}

/** A backend that creates inference sessions (contract version 1): onnxruntime-node, onnxruntime-web, … */
export interface InferenceRuntimeV1 {
  readonly specificationVersion: 'v1';
  /** Backend name, e.g. `onnxruntime-node`. */
  readonly name: string;
  /** Loads a model. Rejects with `InvalidModelError` for unreadable models and `InferenceFailedError` otherwise. */
  createSession(model: ModelInputV1, options?: SessionOptionsV1): Promise<InferenceSessionV1>;
  /**
   * Optional: checks session options without creating a session, raising `InvalidConfigError` for an option the
   * runtime does not know (a misspelling) or a bad value, exactly as `createSession` would. Scanners call it when
   * they are constructed, so that a bad option is refused there rather than when the model first loads.
   */
  checkSessionOptions?(options: SessionOptionsV1): void;
}
