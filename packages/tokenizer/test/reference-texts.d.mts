/** Synthetic edge cases (stored verbatim in the fixture). */
export declare const EDGE_CASES: string[];
/** The sampled texts (read from ../shared/datasets relative to the repo root, the working directory). */
export declare function referenceTexts(): string[];
