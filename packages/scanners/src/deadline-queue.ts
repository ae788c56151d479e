/** One pending deadline of a {@link DeadlineQueue}. */
export interface Deadline {
  /** When it expires, in the queue's clock (milliseconds). */
  readonly at: number;
  /** Called once when the deadline passes, unless it was cancelled first. */
  readonly onExpire: () => void;
  /** True once cancelled or expired. */
  done: boolean;
}

/** The longest delay `setTimeout` holds (2^31 − 1 ms); a longer one would fire at once. */
const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** Compact the queue's array once this many settled entries lie before its head. */
const COMPACT_AFTER = 1024;

/**
 * Deadlines of one length (`ms`) behind a single timer, instead of a `setTimeout` / `clearTimeout` pair per call.
 * Since every deadline is `now + ms`, they arrive in order: the queue is a FIFO whose head expires first; the timer
 * is armed for the head only, and re-armed for the next live deadline when it fires. A cancelled deadline is only
 * marked (dropped when it reaches the head). While no deadline is pending the timer does not keep a Node process
 * alive (`unref`); while one is, it does, as a `setTimeout` of its own would.
 */
export class DeadlineQueue {
  readonly #entries: Deadline[] = [];
  #head = 0;
  #live = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The clock time the armed timer stands for: when it fires, everything due by then has expired. */
  #armedFor = 0;

  /**
   * @param ms - the length of every deadline of this queue (milliseconds, at least 1)
   * @param now - monotonic clock in milliseconds (default `performance.now`)
   */
  constructor(
    readonly ms: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Deadlines added and neither cancelled nor expired yet. */
  get pending(): number {
    return this.#live;
  }

  /** Adds a deadline `ms` from now that calls `onExpire` when it passes (cancel it with {@link cancel}). */
  add(onExpire: () => void): Deadline {
    const deadline: Deadline = { at: this.now() + this.ms, onExpire, done: false };
    this.#entries.push(deadline);
    if (this.#live++ === 0 && this.#timer !== undefined) ref(this.#timer);
    if (this.#timer === undefined) this.#arm(deadline.at, this.ms);
    return deadline;
  }

  /** Cancels a deadline that has not expired (no effect on a settled one). */
  cancel(deadline: Deadline): void {
    if (deadline.done) return;
    deadline.done = true;
    if (--this.#live === 0 && this.#timer !== undefined) unref(this.#timer);
    this.#dropSettledHead();
  }

  #arm(at: number, delay: number): void {
    // A delay beyond what timers hold (about 24.8 days) is waited in steps.
    const wait = Math.min(Math.max(1, delay), MAX_TIMER_DELAY);
    this.#armedFor = delay > MAX_TIMER_DELAY ? at - delay + wait : at;
    this.#timer = setTimeout(() => this.#fire(), wait);
    if (this.#live === 0) unref(this.#timer);
  }

  #fire(): void {
    this.#timer = undefined;
    // The timer firing means its deadline passed, as a `setTimeout` of that deadline's own would say, even when the
    // clock reads a little earlier (timer granularity) or does not move (fake timers in tests).
    const now = Math.max(this.now(), this.#armedFor);
    for (;;) {
      this.#dropSettledHead();
      const head = this.#entries[this.#head];
      if (head === undefined) return;
      if (head.at > now) {
        // (an `onExpire` that added a deadline armed a timer for that one; the head comes first)
        if (this.#timer !== undefined) clearTimeout(this.#timer);
        this.#arm(head.at, head.at - now);
        return;
      }
      head.done = true;
      this.#live--;
      this.#head++;
      head.onExpire();
    }
  }

  #dropSettledHead(): void {
    const entries = this.#entries;
    while (this.#head < entries.length && entries[this.#head]!.done) this.#head++;
    if (this.#head === entries.length) {
      entries.length = 0;
      this.#head = 0;
    } else if (this.#head >= COMPACT_AFTER && this.#head * 2 >= entries.length) {
      entries.splice(0, this.#head);
      this.#head = 0;
    }
  }
}

/** Node's timers can stop keeping the process alive; browsers' timer ids are numbers without these methods. */
function ref(timer: ReturnType<typeof setTimeout>): void {
  (timer as { ref?: () => unknown }).ref?.();
}

function unref(timer: ReturnType<typeof setTimeout>): void {
  (timer as { unref?: () => unknown }).unref?.();
}
