import type { DownloadProgress } from '@llm-shield/model-hub';
import type { CliWritable } from '../cli-io.js';
import { renderProgressBar } from './progress-bar.js';

/** Options of {@link createProgressReporter}. */
export interface ProgressReporterOptions {
  /** The clock in milliseconds (default `Date.now`). */
  now?: () => number;
  /** Least time between two redraws of an unfinished file (default 100 ms). */
  intervalMs?: number;
}

/** Turns the library's progress reports into a progress bar on a terminal. */
export interface ProgressReporter {
  /** Give it to `hub.pull({ onProgress })`. */
  update(progress: DownloadProgress): void;
  /** Ends an unfinished line (after an error, or at the end). */
  finish(): void;
}

/**
 * A progress bar for a TTY: one line per file, redrawn in place with `\r` at most every `intervalMs` and once at
 * 100 %, after which the line is ended with `\n`. A transfer that restarts (fewer bytes than before) starts a new
 * line. The line fits the stream's `columns` when it has one.
 */
export function createProgressReporter(stream: CliWritable & { columns?: number }, options: ProgressReporterOptions = {}): ProgressReporter {
  const now = options.now ?? Date.now;
  const intervalMs = options.intervalMs ?? 100;
  let current: { file: string; startedAt: number; startBytes: number; lastBytes: number; drawnAt: number; width: number } | undefined;

  const draw = (progress: DownloadProgress) => {
    if (!current) return;
    const line = renderProgressBar({
      label: progress.file,
      bytesDone: progress.bytesDone,
      bytesTotal: progress.bytesTotal,
      elapsedMs: now() - current.startedAt,
      startBytes: current.startBytes,
      ...(stream.columns === undefined ? {} : { columns: stream.columns }),
    });
    stream.write(`\r${line.padEnd(current.width)}`);
    current.width = Math.max(current.width, line.length);
    current.drawnAt = now();
  };

  const finish = () => {
    if (current) stream.write('\n');
    current = undefined;
  };

  return {
    update(progress) {
      if (current?.file !== progress.file || progress.bytesDone < current.lastBytes) {
        finish();
        current = { file: progress.file, startedAt: now(), startBytes: progress.bytesDone, lastBytes: 0, drawnAt: Number.NEGATIVE_INFINITY, width: 0 };
      }
      current.lastBytes = progress.bytesDone;
      const complete = progress.bytesDone >= progress.bytesTotal;
      if (complete || now() - current.drawnAt >= intervalMs) draw(progress);
      if (complete) finish();
    },
    finish,
  };
}
