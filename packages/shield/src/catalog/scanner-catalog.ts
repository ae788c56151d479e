import { InvalidConfigError, type ScannerDefinitionV1 } from '@llm-shield/core';

/** Scanner kinds. */
export type ScannerKind = 'input' | 'output';

/** What a catalog lists of a scanner before its definition is loaded. */
export interface ScannerListing {
  /** llm-guard's type name, as the definition's `type`. */
  readonly type: string;
  /** Whether the definition has an input factory. */
  readonly input: boolean;
  /** Whether the definition has an output factory. */
  readonly output: boolean;
  /** The definition's `modelTask`, for model scanners. */
  readonly modelTask?: string;
}

/**
 * A family of scanner definitions that is imported on first use: what it lists is known up front (so a catalog
 * lists names synchronously), the module with the factories is loaded by {@link ScannerCatalog.load}.
 */
export interface LazyScannerFamily {
  /** Name of the family, for error messages (e.g. `rules`). */
  readonly family: string;
  /** The family's scanners; must match the loaded definitions (type, kinds, model task). */
  readonly scanners: readonly ScannerListing[];
  /** Imports the family's definitions (called once per catalog at most; the module system caches the import). */
  readonly load: () => Promise<readonly ScannerDefinitionV1[]>;
}

interface Entry {
  listing: ScannerListing;
  definition?: ScannerDefinitionV1;
  family?: LazyScannerFamily;
}

function listingOf(definition: ScannerDefinitionV1): ScannerListing {
  return {
    type: definition.type,
    input: definition.input !== undefined,
    output: definition.output !== undefined,
    ...(definition.modelTask === undefined ? {} : { modelTask: definition.modelTask }),
  };
}

/**
 * The scanners a shield can build, by llm-guard type name. Names match case-insensitively (`promptinjection`
 * finds `PromptInjection`); a later definition of the same type replaces an earlier one, so an application can
 * register its own scanner under a built-in name or a new one. Families registered with {@link registerLazy} are
 * listed at once and imported by {@link load} (which `createShieldWith` calls for the scanners it builds); until
 * then {@link get} does not return their definitions.
 */
export class ScannerCatalog {
  readonly #entries = new Map<string, Entry>();
  readonly #loading = new Map<LazyScannerFamily, Promise<void>>();

  /** @param definitions - the definitions (or lazy families), in order (later ones win) */
  constructor(definitions: Iterable<ScannerDefinitionV1 | LazyScannerFamily> = []) {
    for (const item of definitions) {
      if ('load' in item) this.registerLazy(item);
      else this.register(item);
    }
  }

  /** Adds (or replaces) a definition; raises `InvalidConfigError` for one with neither an input nor an output factory. */
  register(definition: ScannerDefinitionV1): this {
    if (definition?.specificationVersion !== 'v1' || typeof definition.type !== 'string' || definition.type === '') {
      throw new InvalidConfigError('A scanner definition needs specificationVersion "v1" and a type name.');
    }
    if (!definition.input && !definition.output) {
      throw new InvalidConfigError(`Scanner definition ${definition.type} has neither an input nor an output factory.`);
    }
    this.#entries.set(definition.type.toLowerCase(), { listing: listingOf(definition), definition });
    return this;
  }

  /** Adds (or replaces, type by type) the scanners of a family whose definitions are imported on first use. */
  registerLazy(family: LazyScannerFamily): this {
    for (const listing of family.scanners) this.#entries.set(listing.type.toLowerCase(), { listing, family });
    return this;
  }

  /**
   * Imports the families that hold `types` (unknown names are ignored) and registers their definitions where the
   * family still provides the type (a definition registered later keeps its place). Raises `InvalidConfigError`
   * when a family's module does not define a type it lists.
   */
  async load(types: Iterable<string>): Promise<void> {
    const families = new Set<LazyScannerFamily>();
    for (const type of types) {
      if (typeof type !== 'string') continue;
      const entry = this.#entries.get(type.toLowerCase());
      if (entry?.family && !entry.definition) families.add(entry.family);
    }
    await Promise.all([...families].map((family) => this.#loadFamily(family)));
  }

  /** The definition of `type` (any case), or `undefined` (also for a lazy family's type not {@link load}ed yet). */
  get(type: string): ScannerDefinitionV1 | undefined {
    return this.#entries.get(type.toLowerCase())?.definition;
  }

  /** What the catalog lists of `type` (any case), loaded or not, or `undefined`. */
  listing(type: string): ScannerListing | undefined {
    return this.#entries.get(type.toLowerCase())?.listing;
  }

  /** The type names that have a scanner of `kind`, in registration order. */
  names(kind: ScannerKind): string[] {
    return [...this.#entries.values()].filter((entry) => entry.listing[kind]).map((entry) => entry.listing.type);
  }

  #loadFamily(family: LazyScannerFamily): Promise<void> {
    let loading = this.#loading.get(family);
    if (!loading) {
      loading = family.load().then((definitions) => {
        const byType = new Map(definitions.map((definition) => [definition.type.toLowerCase(), definition]));
        for (const [key, entry] of this.#entries) {
          if (entry.family !== family || entry.definition) continue;
          const definition = byType.get(key);
          if (!definition) throw new InvalidConfigError(`The ${family.family} scanner family lists ${entry.listing.type} but does not define it.`);
          entry.definition = definition;
          entry.listing = listingOf(definition);
        }
      });
      this.#loading.set(family, loading);
    }
    return loading;
  }
}
