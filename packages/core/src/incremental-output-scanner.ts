import { InvalidConfigError } from './errors.js';
import type { PipelineResult } from './pipeline.js';

/** Default of {@link IncrementalOutputScannerOptions.contextChars}. */
export const DEFAULT_STREAM_CONTEXT_CHARS = 400;
/** Default of {@link IncrementalOutputScannerOptions.maxHoldChars}. */
export const DEFAULT_STREAM_MAX_HOLD_CHARS = 240;

/** Options of {@link IncrementalOutputScanner}. */
export interface IncrementalOutputScannerOptions {
  /**
   * How many characters of the text already passed on each scan sees in front of the new segment (default
   * {@link DEFAULT_STREAM_CONTEXT_CHARS}, `0`: none), so a scanner judges a sentence in its context.
   */
  contextChars?: number;
  /**
   * The most characters held back while no sentence has ended (default {@link DEFAULT_STREAM_MAX_HOLD_CHARS}); past
   * it the text is cut at its last space (a window boundary) and scanned, which bounds the delay of text that has no
   * sentence punctuation.
   */
  maxHoldChars?: number;
}

/** Scans one piece of streamed output (the integration binds the prompt, the vault and the abort signal). */
export type StreamSegmentScan = (text: string) => Promise<PipelineResult>;

/** What one {@link IncrementalOutputScanner.push} or {@link IncrementalOutputScanner.flush} decided. */
export interface IncrementalScanStep {
  /** Text that passed the scanners (after sanitizing scanners, e.g. a Deanonymize), to pass on now; may be empty. */
  release: string;
  /** The failing scan when a segment was invalid: the stream must stop, nothing after {@link release} may pass. */
  violation?: PipelineResult;
  /** With a violation: the text not released (the failing segment and what was held after it). */
  withheld?: string;
}

/** Counters of an {@link IncrementalOutputScanner}. */
export interface IncrementalScanStats {
  /** Scans run. */
  scans: number;
  /** Characters given to the scanners in all (at most output length + scans × contextChars: no quadratic rescans). */
  scannedChars: number;
  /** Characters passed on. */
  releasedChars: number;
}

const TERMINALS = new Set(['.', '!', '?', '…', ';']);
const WIDE_TERMINALS = new Set(['。', '！', '？', '；']);
const CLOSERS = new Set(['"', "'", ')', ']', '}', '”', '’', '»', '」', '』', '*', '_']);

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\r' || char === '\u00a0' || char === '\u3000';
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function checkCount(value: number | undefined, fallback: number, option: string, minimum: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < minimum) {
    throw new InvalidConfigError(`${option} must be an integer >= ${minimum}, got ${String(value)}.`, {
      details: { scanner: 'IncrementalOutputScanner', field: option, value },
    });
  }
  return value;
}

/**
 * Scans a streamed output as it grows, sentence by sentence, without quadratic rescans.
 *
 * Guarantee: every character of the output is given to the scanners before it is released, inside a segment that
 * ends at a sentence end (`.`, `!`, `?`, `…`, `;` followed by a space, a line break, or CJK punctuation) or at a
 * window boundary (the last space before {@link IncrementalOutputScannerOptions.maxHoldChars}), preceded by up to
 * `contextChars` characters of the text already released. A violation is therefore found at the latest at the end
 * of the sentence (or window) that carries it, and nothing of that segment or after it is released. A pattern that
 * spans more than `contextChars + segment` characters is not seen as a whole; the total scanned length is at most
 * the output's length plus `contextChars` per scan.
 *
 * When a sanitizing output scanner (a Deanonymize) changes a segment, the segment is scanned once more without its
 * context and that sanitized text is released, so the context is never released twice.
 */
export class IncrementalOutputScanner {
  readonly #scan: StreamSegmentScan;
  readonly #contextChars: number;
  readonly #maxHoldChars: number;
  #pending = '';
  /** Start of the held text in #pending (the part before it is scanned; cut off once per push). */
  #start = 0;
  #checked = 0;
  #released = '';
  #stopped = false;
  readonly #stats: IncrementalScanStats = { scans: 0, scannedChars: 0, releasedChars: 0 };

  /**
   * @param scan - scans a piece of output (the prompt, vault and signal bound by the caller)
   * @param options - context and hold sizes (defaults: 400 and 240 characters)
   */
  constructor(scan: StreamSegmentScan, options: IncrementalOutputScannerOptions = {}) {
    this.#scan = scan;
    this.#contextChars = checkCount(options.contextChars, DEFAULT_STREAM_CONTEXT_CHARS, 'contextChars', 0);
    this.#maxHoldChars = checkCount(options.maxHoldChars, DEFAULT_STREAM_MAX_HOLD_CHARS, 'maxHoldChars', 16);
  }

  /** True once a segment was invalid: later text is ignored. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** Counters so far (a copy). */
  get stats(): IncrementalScanStats {
    return { ...this.#stats };
  }

  /** Text still held back (not yet scanned). */
  get heldChars(): number {
    return this.#pending.length - this.#start;
  }

  /** Adds streamed text; scans and releases every segment it completes. */
  async push(delta: string): Promise<IncrementalScanStep> {
    if (this.#stopped || delta.length === 0) return { release: '' };
    this.#pending += delta;
    return this.#drain(false);
  }

  /** Scans and releases what is still held (the stream ended). */
  async flush(): Promise<IncrementalScanStep> {
    if (this.#stopped) return { release: '' };
    return this.#drain(true);
  }

  async #drain(final: boolean): Promise<IncrementalScanStep> {
    let release = '';
    try {
      for (;;) {
        const held = this.#pending.length - this.#start;
        let end = this.#nextBoundary();
        if (end < 0 && held >= this.#maxHoldChars) end = this.#windowBoundary();
        if (end < 0 && final && held > 0) end = this.#pending.length;
        if (end <= this.#start) return { release };
        const segment = this.#pending.slice(this.#start, end);
        this.#start = end;
        this.#checked = end;
        const verdict = await this.#scanSegment(segment);
        if (verdict.violation) {
          const withheld = segment + this.#pending.slice(this.#start);
          this.#stopped = true;
          this.#pending = '';
          this.#start = 0;
          this.#checked = 0;
          return { release, violation: verdict.violation, withheld };
        }
        release += verdict.release;
        this.#released = (this.#released + segment).slice(-Math.max(this.#contextChars, 1));
        this.#stats.releasedChars += verdict.release.length;
      }
    } finally {
      if (this.#start > 0) {
        this.#pending = this.#pending.slice(this.#start);
        this.#checked = Math.max(0, this.#checked - this.#start);
        this.#start = 0;
      }
    }
  }

  async #scanSegment(segment: string): Promise<{ release: string; violation?: PipelineResult }> {
    let context = this.#contextChars === 0 ? '' : this.#released.slice(-this.#contextChars);
    if (context.length > 0 && isLowSurrogate(context.charCodeAt(0))) context = context.slice(1);
    const text = context + segment;
    const result = await this.#count(text);
    if (!result.valid) return { release: '', violation: result };
    if (result.sanitizedText === text) return { release: segment };
    if (context.length === 0) return { release: result.sanitizedText };
    const alone = await this.#count(segment);
    if (!alone.valid) return { release: '', violation: alone };
    return { release: alone.sanitizedText };
  }

  async #count(text: string): Promise<PipelineResult> {
    this.#stats.scans += 1;
    this.#stats.scannedChars += text.length;
    return this.#scan(text);
  }

  /**
   * End (exclusive) of the first complete sentence in the held text (looked for within the hold window only), or
   * -1; each character is looked at once.
   */
  #nextBoundary(): number {
    const text = this.#pending;
    const stop = Math.min(text.length, this.#start + this.#maxHoldChars);
    for (let index = Math.max(this.#checked, this.#start); index < stop; index++) {
      const char = text[index]!;
      if (char === '\n') return index + 1;
      const wide = WIDE_TERMINALS.has(char);
      if (!wide && !TERMINALS.has(char)) continue;
      let next = index + 1;
      while (next < text.length && (TERMINALS.has(text[next]!) || WIDE_TERMINALS.has(text[next]!) || CLOSERS.has(text[next]!))) next++;
      if (next >= text.length) {
        this.#checked = index;
        return -1;
      }
      if (wide) return next;
      if (isSpace(text[next]!) || text[next] === '\n') return next + 1;
      index = next - 1;
    }
    this.#checked = stop;
    return -1;
  }

  /** A window boundary: the last space in the second half of the hold window, else the window's end. */
  #windowBoundary(): number {
    const text = this.#pending;
    const limit = this.#start + this.#maxHoldChars;
    for (let index = limit - 1; index >= this.#start + (this.#maxHoldChars >> 1); index--) {
      if (isSpace(text[index]!)) return index + 1;
    }
    return isHighSurrogate(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
  }
}
