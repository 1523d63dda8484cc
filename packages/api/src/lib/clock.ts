/** The one clock. Services read time from it, never from `new Date()`, so tests can stand at 23:59:59. */
export interface Clock {
  now(): Date;
  /** Waits (a deliberate slow-down, e.g. a throttled login); a test clock moves on instead of waiting. */
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
  /** Returns at once, the clock moved on by `ms`. */
  async sleep(ms: number): Promise<void> {
    this.advance(ms);
  }
}

/**
 * The system clock shifted by an offset that can be moved: the running server's clock when the test-only hooks are on
 * (TEST_HOOKS=1, never in production), so end-to-end tests can let payment windows pass and points mature.
 */
export class AdjustableClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  /** How far this clock stands from the system clock. */
  offset(): number {
    return this.offsetMs;
  }
  set(instant: Date | string): void {
    this.offsetMs = new Date(instant).getTime() - Date.now();
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  sleep(ms: number): Promise<void> {
    return systemClock.sleep(ms);
  }
}
