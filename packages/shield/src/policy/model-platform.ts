import type { InferenceRuntimeV1, ModelSourceV1, ModelVariant } from '@llm-shield/core';

/** Where a scanner's model came from, in the order the model policy tries them. */
export type ModelOrigin =
  /** a folder or URL the caller named for this scanner */
  | 'explicit'
  /** the production model, already in the platform's model cache (Hugging Face cache in Node, the browser store) */
  | 'cache'
  /** the production model, downloaded because the caller asked for downloads */
  | 'download'
  /** the compact model shipped in `@llm-shield/models-embedded` */
  | 'embedded';

/** A model the policy found for a scanner. */
export interface ModelCandidate {
  /** Source that serves the model's files. */
  source: ModelSourceV1;
  /** Model id passed to `source.resolve`. */
  id: string;
  /** Precision variant. */
  variant?: ModelVariant;
  origin: ModelOrigin;
  /**
   * The model's own calibrated threshold and default detection mode when the platform knows them without reading
   * the files (the embedded models' manifest); a scanner given a model and no threshold uses the model's own.
   */
  threshold?: number;
  mode?: 'ml' | 'hybrid';
}

/** What the policy asks of a platform (Node, browsers) for one model task (`prompt-injection`, `toxicity`…). */
export interface ModelRequest {
  /** The model task of the scanner (its definition's `modelTask`). */
  task: string;
  /** The scanner's type name, e.g. `PromptInjection`. */
  scanner: string;
  /** Precision variant asked for (default: the platform's preference, quantised first on CPUs). */
  variant?: ModelVariant;
  /** Report something the caller should know (e.g. an unreadable cache skipped). */
  warn(message: string): void;
}

/**
 * The platform half of the model policy: how models are found and run on one platform. `@llm-shield/node` and
 * `@llm-shield/browser` implement it; the precedence itself ({@link resolveScannerModel}) is platform-neutral.
 */
export interface ShieldPlatformV1 {
  readonly specificationVersion: 'v1';
  /** `node`, `browser`… (for messages). */
  readonly name: string;
  /** The inference runtime shared by every model of the shield; called only when a model is attached. */
  runtime(): InferenceRuntimeV1;
  /** A model from a folder path or URL the caller named. */
  explicit(location: string, request: ModelRequest): ModelCandidate;
  /** The task's production model when it is already in the platform's cache (never downloads). */
  cached(request: ModelRequest): Promise<ModelCandidate | undefined>;
  /** Downloads the task's production model (absent where the platform cannot). */
  download?(request: ModelRequest): Promise<ModelCandidate | undefined>;
  /** The task's compact embedded model, when one ships. */
  embedded(request: ModelRequest): ModelCandidate | undefined;
  /** Releases what the platform holds (sessions, handles). */
  close?(): Promise<void>;
}
