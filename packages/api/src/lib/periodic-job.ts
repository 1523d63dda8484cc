/**
 * Runs `run` now and then every `intervalMs`, one run at a time in this process (a tick while a run is in progress
 * is skipped). The timer does not keep the process alive. `stop()` stops the ticks and waits for a run in progress;
 * `idle()` waits for it without stopping (for tests). Jobs that may also run in other processes must make each
 * unit of work safe on their own (guarded claims and transitions).
 */
export function startPeriodicJob(intervalMs: number, run: () => Promise<void>) {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = run().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    async idle(): Promise<void> {
      await running;
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

export type PeriodicJob = ReturnType<typeof startPeriodicJob>;
