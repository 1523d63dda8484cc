/**
 * The one way a module reacts to another module's event (decision 030): the emitting module declares its events as
 * the steps of a participant interface (each step gets the emitter's transaction), and `src/participants.ts` lists,
 * per emitter, which modules' participants run and in what order. Nothing registers itself at run time.
 */
export interface Participant {
  /** For errors, logs and the table of who reacts to what. */
  readonly name: string;
}

/** Refuses a list that names one participant twice (a module plugged in twice would do its part twice). */
export function requireUniqueNames(emitter: string, participants: readonly Participant[]): void {
  const names = new Set<string>();
  for (const p of participants) {
    if (names.has(p.name)) throw new Error(`${emitter} participant ${p.name} is plugged in twice`);
    names.add(p.name);
  }
}

type StepArgs<P, S extends keyof P> = P[S] extends ((...args: infer A) => Promise<void>) | undefined ? A : never;

/**
 * Runs one step of every participant that takes it, in list order, one after the other (each sees what the ones
 * before it wrote in the same transaction); a step that throws stops the rest and rolls the emitter's transaction back.
 */
export async function runStep<P extends Participant, S extends keyof P & string>(
  participants: readonly P[],
  step: S,
  ...args: StepArgs<P, S>
): Promise<void> {
  for (const p of participants) {
    const handler = p[step] as ((...a: StepArgs<P, S>) => Promise<void>) | undefined;
    if (handler) await handler.apply(p, args);
  }
}

/**
 * Who takes each step, in order: `emitter.step` → participant names (with `label`'s note, e.g. the order kinds a
 * participant handles). What participants.test.ts shows a newcomer.
 */
export function stepsTaken<P extends Participant>(
  emitter: string,
  participants: readonly P[],
  steps: readonly (keyof P & string)[],
  label: (p: P) => string = (p) => p.name,
): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  for (const step of steps) table[`${emitter}.${step}`] = participants.filter((p) => typeof p[step] === 'function').map(label);
  return table;
}
