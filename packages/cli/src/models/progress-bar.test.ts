import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration } from './format-bytes.js';
import { renderProgressBar } from './progress-bar.js';
import { createProgressReporter } from './progress-reporter.js';

describe('renderProgressBar', () => {
  it('draws bytes, percentage, rate and ETA from bytes and elapsed time', () => {
    const line = renderProgressBar({ label: 'onnx/model.onnx', bytesDone: 25 * 1024 * 1024, bytesTotal: 100 * 1024 * 1024, elapsedMs: 5000, columns: 120 });
    expect(line).toBe(`onnx/model.onnx [${'#'.repeat(10)}${'.'.repeat(30)}]  25%  25.0 MiB/100.0 MiB  5.0 MiB/s  ETA 0:15`);
    const narrow = renderProgressBar({ label: 'onnx/model.onnx', bytesDone: 25 * 1024 * 1024, bytesTotal: 100 * 1024 * 1024, elapsedMs: 5000, columns: 80 });
    expect(narrow.length).toBeLessThan(80);
  });

  it('leaves resumed bytes out of the rate', () => {
    const line = renderProgressBar({ label: 'm', bytesDone: 60, bytesTotal: 100, elapsedMs: 2000, startBytes: 40, columns: 80 });
    expect(line).toContain('60 B/100 B  10 B/s  ETA 0:04');
  });

  it('shows unknown rate and ETA before data arrives, and ETA 0:00 when done', () => {
    expect(renderProgressBar({ label: 'x', bytesDone: 0, bytesTotal: 10, elapsedMs: 0 })).toMatch(/  0%  0 B\/10 B  --  ETA --:--$/);
    const done = renderProgressBar({ label: 'x', bytesDone: 10, bytesTotal: 10, elapsedMs: 1000 });
    expect(done).toMatch(/\[#+\] 100%  10 B\/10 B  10 B\/s  ETA 0:00$/);
  });

  it('fits the terminal: the bar shrinks to 10 cells, a long label is shortened from the left', () => {
    const line = renderProgressBar({ label: `very/long/${'x'.repeat(60)}/model.onnx`, bytesDone: 1, bytesTotal: 2, elapsedMs: 1000, columns: 40 });
    expect(line.startsWith('…')).toBe(true);
    expect(line).toContain(`[${'#'.repeat(5)}${'.'.repeat(5)}]`);
    expect(renderProgressBar({ label: 'a', bytesDone: 1, bytesTotal: 2, elapsedMs: 1000, columns: 500 })).toContain(`[${'#'.repeat(20)}${'.'.repeat(20)}]`);
  });

  it('formats sizes and durations', () => {
    expect([formatBytes(0), formatBytes(1023), formatBytes(1536), formatBytes(750_000_000), formatBytes(-1)]).toEqual(['0 B', '1023 B', '1.5 KiB', '715.3 MiB', '?']);
    expect([formatDuration(0), formatDuration(59.2), formatDuration(3725), formatDuration(undefined)]).toEqual(['0:00', '1:00', '1:02:05', '--:--']);
  });
});

describe('createProgressReporter', () => {
  it('redraws one line per file with \\r, throttled, and ends it at 100 %', () => {
    let out = '';
    let clock = 0;
    const reporter = createProgressReporter({ write: (chunk: string) => (out += chunk), isTTY: true }, { now: () => clock, intervalMs: 100 });
    reporter.update({ file: 'a.onnx', bytesDone: 0, bytesTotal: 100 });
    clock = 50;
    reporter.update({ file: 'a.onnx', bytesDone: 40, bytesTotal: 100 }); // throttled
    clock = 200;
    reporter.update({ file: 'a.onnx', bytesDone: 80, bytesTotal: 100 });
    clock = 210;
    reporter.update({ file: 'a.onnx', bytesDone: 100, bytesTotal: 100 });
    reporter.update({ file: 'config.json', bytesDone: 0, bytesTotal: 10 });
    reporter.finish();
    const lines = out.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]?.split('\r').filter(Boolean).map((draw) => /(\d+)%/.exec(draw)?.[1])).toEqual(['0', '80', '100']);
    expect(lines[0]).toContain('400 B/s');
    expect(lines[1]).toMatch(/^\rconfig\.json .* 0%/);
    expect(lines[2]).toBe('');
  });
});
