import type { InferenceRuntimeV1, InferenceSessionV1, ModelInputV1, SessionOptionsV1 } from '@llm-shield/core';
import type { NodeRuntimeOptions } from '@llm-shield/runtime-node';

/**
 * onnxruntime-node behind an {@link InferenceRuntimeV1} that imports it only when the first session is created, so
 * `--help`, rules-only scans and a shield whose models never run start fast and work where onnxruntime's native
 * binary is missing.
 *
 * @param defaults - session options of every session (see `createNodeRuntime` in `@llm-shield/runtime-node`)
 */
export function createLazyNodeRuntime(defaults: NodeRuntimeOptions = {}): InferenceRuntimeV1 {
  let runtime: Promise<InferenceRuntimeV1> | undefined;
  return {
    specificationVersion: 'v1',
    name: 'onnxruntime-node',
    async createSession(model: ModelInputV1, options?: SessionOptionsV1): Promise<InferenceSessionV1> {
      runtime ??= import('@llm-shield/runtime-node').then(({ createNodeRuntime }) => createNodeRuntime(defaults));
      return (await runtime).createSession(model, options);
    },
  };
}
