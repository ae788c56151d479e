import { InvalidConfigError, type ScannerDefinitionV1 } from '@llm-shield/core';

/** Scanner kinds. */
export type ScannerKind = 'input' | 'output';

/**
 * The scanners a shield can build, by llm-guard type name. Names match case-insensitively (`promptinjection`
 * finds `PromptInjection`); a later definition of the same type replaces an earlier one, so an application can
 * register its own scanner under a built-in name or a new one.
 */
export class ScannerCatalog {
  readonly #definitions = new Map<string, ScannerDefinitionV1>();

  /** @param definitions - the definitions, in order (later ones win) */
  constructor(definitions: Iterable<ScannerDefinitionV1> = []) {
    for (const definition of definitions) this.register(definition);
  }

  /** Adds (or replaces) a definition; raises `InvalidConfigError` for one with neither an input nor an output factory. */
  register(definition: ScannerDefinitionV1): this {
    if (definition?.specificationVersion !== 'v1' || typeof definition.type !== 'string' || definition.type === '') {
      throw new InvalidConfigError('A scanner definition needs specificationVersion "v1" and a type name.');
    }
    if (!definition.input && !definition.output) {
      throw new InvalidConfigError(`Scanner definition ${definition.type} has neither an input nor an output factory.`);
    }
    this.#definitions.set(definition.type.toLowerCase(), definition);
    return this;
  }

  /** The definition of `type` (any case), or `undefined`. */
  get(type: string): ScannerDefinitionV1 | undefined {
    return this.#definitions.get(type.toLowerCase());
  }

  /** The type names that have a scanner of `kind`, in registration order. */
  names(kind: ScannerKind): string[] {
    return [...this.#definitions.values()].filter((definition) => definition[kind] !== undefined).map((definition) => definition.type);
  }
}
