import { builtinCatalog, createShieldWith, type Shield, type ShieldOptions } from '@llm-shield/shield';
import { loadShieldConfigFile } from './load-config-file.js';
import { createNodePlatform, type NodePlatformOptions } from './node-platform.js';

/** Options of {@link createShield} in Node. */
export interface NodeShieldOptions extends ShieldOptions, NodePlatformOptions {
  /** A configuration file (llm-guard-api's `scanners.yml` shape, YAML or JSON) used when `config` is not given. */
  configFile?: string;
}

/**
 * A ready shield for Node with exactly the CLI's defaults: PromptInjection and Toxicity on prompts, Toxicity on
 * outputs; each model scanner's model by the shared policy (`models[Scanner]` folder → the production model when
 * it is in the Hugging Face cache → a download only with `download: true` → the embedded model → the rules), run
 * by onnxruntime-node, which is imported only when a model first runs.
 *
 * ```ts
 * const shield = await createShield();
 * const result = await shield.scanPrompt(userPrompt);
 * if (!result.valid) console.log(result.failedScanners);
 * ```
 *
 * @param options - configuration (object or `configFile`), scanners, detection mode, models, environment
 */
export async function createShield(options: NodeShieldOptions = {}): Promise<Shield> {
  const { env, runtime, configFile, ...shieldOptions } = options;
  const config = shieldOptions.config ?? (configFile === undefined ? undefined : await loadShieldConfigFile(configFile, env ?? process.env));
  const platform = createNodePlatform({ ...(env ? { env } : {}), ...(runtime ? { runtime } : {}) });
  return createShieldWith(platform, builtinCatalog(), { ...shieldOptions, ...(config ? { config } : {}) });
}
