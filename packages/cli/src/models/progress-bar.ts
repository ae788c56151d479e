import { formatBytes, formatDuration } from './format-bytes.js';

/** The state of one transfer, as {@link renderProgressBar} draws it. */
export interface ProgressBarState {
  /** What is transferred, e.g. `onnx/model.onnx`. */
  label: string;
  bytesDone: number;
  bytesTotal: number;
  /** Milliseconds since this transfer started. */
  elapsedMs: number;
  /** Bytes already there when it started (a resumed partial), left out of the rate (default 0). */
  startBytes?: number;
  /** Terminal columns the line may use (default 80). */
  columns?: number;
}

const LABEL_MAX = 28;

/**
 * Draws one progress line: `label [#####.....]  45%  21.6 KiB/48.0 KiB  3.2 MiB/s  ETA 0:08`. The rate counts only
 * the bytes of this run; rate and ETA read `--` until a byte arrived and some time passed. The bar grows or shrinks
 * (10 to 40 cells) so the line fits `columns`. Pure: no clock, no terminal.
 */
export function renderProgressBar(state: ProgressBarState): string {
  const total = Math.max(0, state.bytesTotal);
  const done = Math.min(Math.max(0, state.bytesDone), total || Number.POSITIVE_INFINITY);
  const fraction = total > 0 ? done / total : 1;
  const seconds = state.elapsedMs / 1000;
  const transferred = done - Math.min(done, Math.max(0, state.startBytes ?? 0));
  const rate = seconds > 0.05 && transferred > 0 ? transferred / seconds : undefined;
  const eta = done >= total ? 0 : rate === undefined ? undefined : (total - done) / rate;
  const label = state.label.length > LABEL_MAX ? `…${state.label.slice(-(LABEL_MAX - 1))}` : state.label;
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const tail = `${percent}  ${formatBytes(done)}/${formatBytes(total)}  ${rate === undefined ? '--' : `${formatBytes(rate)}/s`}  ETA ${formatDuration(eta)}`;
  const columns = state.columns ?? 80;
  const cells = Math.max(10, Math.min(40, columns - 1 - label.length - tail.length - 5));
  const filled = Math.min(cells, Math.floor(fraction * cells));
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(cells - filled)}] ${tail}`;
}
