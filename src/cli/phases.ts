/**
 * Where a run's time went, in seconds (for `--stats` and `npm run
 * bench:extract`): listing, reading and extracting the reports (their texts
 * and findings written meanwhile), resolving the values (and writing them),
 * writing the other tables, drawing the first chart, writing the gzip copies
 * (`--gzip` only), swapping the folder in (the previous output removed).
 */
export const PHASES = ['extract', 'resolve', 'tables', 'firstChart', 'gzip', 'swap'] as const;
export type Phases = Partial<Record<(typeof PHASES)[number], number>>;

export interface PhaseClock {
  readonly phases: Phases;
  end(phase: (typeof PHASES)[number]): void;
}

/** Times the phases of one run, each from the end of the one before. */
export function phaseClock(started: number): PhaseClock {
  const phases: Record<string, number> = {};
  let last = started;
  return {
    phases,
    end(phase) {
      const now = performance.now();
      phases[phase] = (now - last) / 1000;
      last = now;
    },
  };
}
