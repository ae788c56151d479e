import { AbortedError, createScanResult, type InputScannerV1, type OutputScannerV1, type ScanContextV1, type ScannerDefinitionV1 } from '@llm-shield/core';
import { builtinCatalog, createShieldWith, type Shield } from '@llm-shield/shield';

/** Releases every scan waiting in a `TestGate` scanner. */
export class Gate {
  #open!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.#open = resolve));
  /** Resolves once a scan is waiting. */
  entered!: Promise<void>;
  #entered!: () => void;
  constructor() {
    this.entered = new Promise<void>((resolve) => (this.#entered = resolve));
  }
  open(): void {
    this.#open();
  }
  enter(): void {
    this.#entered();
  }
}

function waitForAbort(signal: AbortSignal | undefined): Promise<never> {
  return new Promise<never>((_, reject) => {
    if (!signal) return;
    if (signal.aborted) reject(new AbortedError('aborted'));
    signal.addEventListener('abort', () => reject(new AbortedError('aborted')), { once: true });
  });
}

function pass(text: string) {
  return createScanResult({ score: 0, threshold: 0.5, method: 'heuristic', sanitizedText: text });
}

function both(type: string, scan: (text: string, context: ScanContextV1) => Promise<ReturnType<typeof pass>>): ScannerDefinitionV1 {
  return {
    specificationVersion: 'v1',
    type,
    input: (): InputScannerV1 => ({ specificationVersion: 'v1', kind: 'input', name: type, scan: (prompt, context) => scan(prompt, context) }),
    output: (): OutputScannerV1 => ({ specificationVersion: 'v1', kind: 'output', name: type, scan: (_prompt, output, context) => scan(output, context) }),
  };
}

/**
 * Scanners for tests: `TestStall` never finishes unless aborted; `TestBoom` throws; `TestFailedClosed` reports
 * invalid without having scanned (a scanner whose model could not run); `TestGate` waits for `gate.open()`;
 * `TestRedact` replaces "secret" with "[REDACTED]".
 */
export function testDefinitions(gate = new Gate()): ScannerDefinitionV1[] {
  return [
    both('TestStall', (_text, context) => waitForAbort(context.signal)),
    both('TestBoom', async () => {
      throw new Error('boom');
    }),
    both('TestFailedClosed', async (text) =>
      createScanResult({ valid: false, score: 1, threshold: 0.5, method: 'fallback', sanitizedText: text, fallbackReason: 'model unavailable: failed closed' }),
    ),
    both('TestGate', async (text) => {
      gate.enter();
      await gate.opened;
      return pass(text);
    }),
    both('TestRedact', async (text) => {
      const sanitized = text.replaceAll('secret', '[REDACTED]');
      return createScanResult({ score: sanitized === text ? 0 : 1, threshold: 0.5, method: 'heuristic', sanitizedText: sanitized, valid: true });
    }),
  ];
}

/** A rules-only shield (no model platform) over a configuration, with the test scanners available. */
export function rulesShield(config: Record<string, unknown>, gate?: Gate, unknownScanners: 'skip' | 'error' = 'skip'): Promise<Shield> {
  return createShieldWith(undefined, builtinCatalog(), { config, definitions: testDefinitions(gate), unknownScanners });
}
