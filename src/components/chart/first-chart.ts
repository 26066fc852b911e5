/**
 * The first drawn chart: marked for timing tools (`performance.mark`), and
 * awaited by secondary charts so they do not delay it.
 */
let resolveFirst: () => void = () => undefined;

export const firstChartRendered: Promise<void> = new Promise((resolve) => {
  resolveFirst = resolve;
});

let marked = false;

export function markFirstChart(): void {
  if (marked) return;
  marked = true;
  performance.mark('first-chart');
  resolveFirst();
}

/**
 * The primary view has nothing to draw (an empty state): secondary charts
 * need not wait for it.
 */
export function noPrimaryChart(): void {
  resolveFirst();
}

/** Resolves once the first chart is drawn or known not to come (3 s at most). */
export function afterFirstChart(ms = 3000): Promise<void> {
  return Promise.race([firstChartRendered, new Promise<void>((r) => setTimeout(r, ms))]);
}
