import { createScanResult, scanOutput, scanPrompt, type InputScannerV1, type OutputScannerV1 } from '@llm-shield/core';
import { builtinCatalog, createShieldWith, type Shield, type ShieldLike } from '@llm-shield/shield';

/** A rules-only shield: PromptInjection on prompts, Toxicity on outputs. */
export function rulesShield(): Promise<Shield> {
  return createShieldWith(undefined, builtinCatalog(), { input: ['PromptInjection'], output: ['Toxicity'] });
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/** A test double of an Anonymize: emails become `[EMAIL_n]`, stored in the call's vault. */
export const fakeAnonymize: InputScannerV1 = {
  specificationVersion: 'v1',
  kind: 'input',
  name: 'FakeAnonymize',
  async scan(prompt, context) {
    let count = context.vault.size;
    const sanitizedText = prompt.replace(EMAIL, (email) => {
      const placeholder = `[EMAIL_${++count}]`;
      context.vault.set(placeholder, email);
      return placeholder;
    });
    return createScanResult({ valid: true, score: 0, threshold: 0.5, method: 'heuristic', sanitizedText, findings: [] });
  },
};

/** A test double of a Deanonymize: puts the vault's values back. */
export const fakeDeanonymize: OutputScannerV1 = {
  specificationVersion: 'v1',
  kind: 'output',
  name: 'FakeDeanonymize',
  async scan(_prompt, output, context) {
    let sanitizedText = output;
    for (const [placeholder, value] of context.vault.entries()) sanitizedText = sanitizedText.split(placeholder).join(value);
    return createScanResult({ valid: true, score: 0, threshold: 0.5, method: 'heuristic', sanitizedText, findings: [] });
  },
};

/** A shield of the rules plus the fake anonymizing pair. */
export async function anonymizingShield(): Promise<ShieldLike> {
  const rules = await rulesShield();
  return {
    scanPrompt: (prompt, options) => scanPrompt([fakeAnonymize, ...rules.inputScanners], prompt, options),
    scanOutput: (prompt, output, options) => scanOutput([...rules.outputScanners, fakeDeanonymize], prompt, output, options),
  };
}
