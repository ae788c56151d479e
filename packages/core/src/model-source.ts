/** Precision variant of a model's ONNX graph. */
export type ModelVariant = 'fp32' | 'fp16' | 'int8' | 'quantized';

/** One verified local file of a model. */
export interface ModelFileV1 {
  /** Path on disk (node) — absent in browsers. */
  path?: string;
  /** Reads the file's bytes. */
  read(): Promise<Uint8Array>;
}

/** The files of a model, verified and ready to load (contract version 1). */
export interface ModelFilesV1 {
  /** Registry id or repo id, e.g. `protectai/deberta-v3-base-prompt-injection-v2`. */
  modelId: string;
  /** Commit or other revision the files come from. */
  revision: string;
  variant: ModelVariant;
  /** The ONNX graph. */
  model: ModelFileV1;
  /** `tokenizer.json`. */
  tokenizer: ModelFileV1;
  /** `tokenizer_config.json`, when the model has one. */
  tokenizerConfig?: ModelFileV1;
  /** `config.json` with `id2label` and `problem_type`. */
  config: ModelFileV1;
}

/** Finds model files for scanners, from a cache, the Hub, a folder or the embedded models (contract version 1). */
export interface ModelSourceV1 {
  readonly specificationVersion: 'v1';
  /**
   * Returns verified local files of `modelId`. Rejects with `ModelUnavailableError` when the model is not
   * available (not cached and offline, say) and `InvalidModelError` when its files are broken.
   */
  resolve(modelId: string, options?: { variant?: ModelVariant; signal?: AbortSignal }): Promise<ModelFilesV1>;
}
