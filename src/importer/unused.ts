/**
 * The figures no rule used in an imported report, column by column. A report
 * at the size limit has about 100 000 of them: as objects they took 160 ms of
 * the page's time to arrive from the worker and as long again to save; typed
 * arrays cross the worker boundary (transferred) and go into IndexedDB at
 * copying speed. The page reads them one at a time, by index.
 */
import type { Qualifier } from '../catalog';

export interface UnusedFigure {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly unit: string;
  readonly qualifier: Qualifier;
  /** Why no rule took it: 'no_rule' is the one worth a look (dates, list numbers … are not). */
  readonly reason: string;
}

/** What a figure is besides its place and value: few distinct ones in a report. */
interface FigureKind {
  readonly unit: string;
  readonly qualifier: Qualifier;
  readonly reason: string;
}

export interface UnusedFigures {
  /** Sorted by start. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly values: Float64Array;
  /** Each figure's index into `kindTable`. */
  readonly kinds: Uint16Array;
  readonly kindTable: readonly FigureKind[];
}

export const NO_UNUSED: UnusedFigures = unusedFiguresOf([]);

export function unusedFiguresOf(list: readonly UnusedFigure[]): UnusedFigures {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const kindTable: FigureKind[] = [];
  const kindIds = new Map<string, number>();
  const kinds = new Uint16Array(sorted.length);
  sorted.forEach((f, i) => {
    const key = `${f.unit}\u0000${f.qualifier}\u0000${f.reason}`;
    let id = kindIds.get(key);
    if (id === undefined) {
      id = kindTable.length;
      kindIds.set(key, id);
      kindTable.push({ unit: f.unit, qualifier: f.qualifier, reason: f.reason });
    }
    kinds[i] = id;
  });
  return {
    starts: Int32Array.from(sorted, (f) => f.start),
    ends: Int32Array.from(sorted, (f) => f.end),
    values: Float64Array.from(sorted, (f) => f.value),
    kinds,
    kindTable,
  };
}

export const unusedCount = (u: UnusedFigures): number => u.starts.length;

export function unusedFigureAt(u: UnusedFigures, i: number): UnusedFigure {
  const kind = u.kindTable[u.kinds[i] ?? 0] ?? { unit: '', qualifier: '=', reason: '' };
  return { start: u.starts[i] ?? 0, end: u.ends[i] ?? 0, value: u.values[i] ?? 0, ...kind };
}

/** The indexes of the figures no rule's words were near ('no_rule'), in text order. */
export function noRuleIndexes(u: UnusedFigures): Int32Array {
  const noRule = new Set(u.kindTable.flatMap((k, id) => (k.reason === 'no_rule' ? [id] : [])));
  const out: number[] = [];
  for (let i = 0; i < u.kinds.length; i++) if (noRule.has(u.kinds[i] ?? -1)) out.push(i);
  return Int32Array.from(out);
}

/**
 * The figure the selected words state: the first number the extractor read
 * (and no rule used) inside the selection — 608件, 六百零八, 1.2万, 190余 —
 * or null when the selection holds none.
 */
export function figureIn(
  selection: { readonly start: number; readonly end: number },
  u: UnusedFigures,
): UnusedFigure | null {
  // Sorted by start: a scan of typed arrays (under a millisecond for 100 000).
  for (let i = 0; i < u.starts.length && (u.starts[i] ?? 0) < selection.end; i++) {
    if ((u.ends[i] ?? 0) > selection.start) return unusedFigureAt(u, i);
  }
  return null;
}

/** Whether a value read from storage is a set of figures as this version keeps them. */
export function isUnusedFigures(value: unknown): value is UnusedFigures {
  if (typeof value !== 'object' || value === null) return false;
  const u = value as Partial<UnusedFigures>;
  return (
    u.starts instanceof Int32Array &&
    u.ends instanceof Int32Array &&
    u.values instanceof Float64Array &&
    u.kinds instanceof Uint16Array &&
    Array.isArray(u.kindTable) &&
    u.ends.length === u.starts.length &&
    u.values.length === u.starts.length &&
    u.kinds.length === u.starts.length
  );
}
