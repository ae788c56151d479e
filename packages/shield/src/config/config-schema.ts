import { z } from 'zod';

/** One scanner of a configuration file: llm-guard's type name and its parameters (llm-guard's snake_case names). */
export const scannerEntrySchema = z
  .object({
    type: z.string().min(1, 'a scanner type name is required'),
    params: z.record(z.string(), z.unknown()).nullish(),
  })
  .strict();

/** A section llm-guard-api reads for the server (`app`, `rate_limit`, `auth`, `tracing`, `metrics`): validated by the server. */
const serverSection = z.record(z.string(), z.unknown()).nullish();

/**
 * The configuration file, in llm-guard-api's `scanners.yml` shape: `input_scanners` and `output_scanners` (lists of
 * `{ type, params }`, run in order) plus the server's sections. Unknown top-level keys are refused.
 */
export const shieldConfigSchema = z
  .object({
    app: serverSection,
    rate_limit: serverSection,
    auth: serverSection,
    tracing: serverSection,
    metrics: serverSection,
    input_scanners: z.array(scannerEntrySchema).nullish(),
    output_scanners: z.array(scannerEntrySchema).nullish(),
  })
  .strict();

/** A scanner entry as written in a configuration file. */
export type ScannerEntry = z.infer<typeof scannerEntrySchema>;
/** A configuration file's content after validation. */
export type ShieldConfig = z.infer<typeof shieldConfigSchema>;
