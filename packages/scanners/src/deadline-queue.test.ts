import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DeadlineQueue } from './deadline-queue.js';

describe('DeadlineQueue', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls each deadline once when it passes, in order, and never a cancelled one', () => {
    const queue = new DeadlineQueue(100, () => Date.now());
    const fired: string[] = [];
    const a = queue.add(() => fired.push('a'));
    vi.advanceTimersByTime(40);
    const b = queue.add(() => fired.push('b'));
    const c = queue.add(() => fired.push('c'));
    queue.cancel(b);
    expect(queue.pending).toBe(2);
    vi.advanceTimersByTime(59);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['a']);
    expect(a.done).toBe(true);
    vi.advanceTimersByTime(40);
    expect(fired).toEqual(['a', 'c']);
    expect(queue.pending).toBe(0);
    queue.cancel(c);
    vi.advanceTimersByTime(1000);
    expect(fired).toEqual(['a', 'c']);
  });

  it('keeps working after it emptied, with one timer for many deadlines', () => {
    const queue = new DeadlineQueue(10, () => Date.now());
    const fired: number[] = [];
    for (let k = 0; k < 5000; k++) queue.cancel(queue.add(() => fired.push(-1)));
    expect(vi.getTimerCount()).toBe(1);
    const deadlines = Array.from({ length: 3000 }, (_, k) => queue.add(() => fired.push(k)));
    for (let k = 0; k < 3000; k += 2) queue.cancel(deadlines[k]!);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(10);
    expect(fired).toEqual(Array.from({ length: 1500 }, (_, k) => 2 * k + 1));
    expect(queue.pending).toBe(0);
    queue.add(() => fired.push(9999));
    vi.advanceTimersByTime(10);
    expect(fired.at(-1)).toBe(9999);
  });

  it('waits a deadline longer than a timer holds in steps, never at once', () => {
    const queue = new DeadlineQueue(2 ** 32, () => Date.now());
    const fired: string[] = [];
    queue.add(() => fired.push('late'));
    vi.advanceTimersByTime(2 ** 31);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(2 ** 31 - 1);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['late']);
  });

  it('a deadline added while another expires is still called on time', () => {
    const queue = new DeadlineQueue(50, () => Date.now());
    const fired: string[] = [];
    queue.add(() => {
      fired.push('first');
      queue.add(() => fired.push('added'));
    });
    vi.advanceTimersByTime(20);
    queue.add(() => fired.push('second'));
    vi.advanceTimersByTime(30);
    expect(fired).toEqual(['first']);
    vi.advanceTimersByTime(20);
    expect(fired).toEqual(['first', 'second']);
    vi.advanceTimersByTime(30);
    expect(fired).toEqual(['first', 'second', 'added']);
  });
});

describe('DeadlineQueue with a clock that does not move (fake timers faking only setTimeout)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('expires each deadline when its timer fires, as a setTimeout per deadline would', () => {
    let clock = 1000;
    const queue = new DeadlineQueue(30, () => clock);
    const fired: string[] = [];
    queue.add(() => fired.push('a'));
    clock += 0.5;
    queue.add(() => fired.push('b'));
    vi.advanceTimersByTime(30);
    expect(fired).toEqual(['a']);
    vi.advanceTimersByTime(1);
    expect(fired).toEqual(['a', 'b']);
    expect(queue.pending).toBe(0);
  });
});

describe('DeadlineQueue and the Node event loop', () => {
  it('its timer keeps the process alive only while a deadline is pending', () => {
    const timers = () => process.getActiveResourcesInfo().filter((name) => name === 'Timeout').length;
    const before = timers();
    const queue = new DeadlineQueue(60_000);
    const deadline = queue.add(() => undefined);
    expect(timers()).toBe(before + 1);
    queue.cancel(deadline);
    expect(timers()).toBe(before);
    const next = queue.add(() => undefined);
    expect(timers()).toBe(before + 1);
    queue.cancel(next);
    expect(timers()).toBe(before);
  });
});
