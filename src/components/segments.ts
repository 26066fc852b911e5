/** Splits a text into plain and marked runs for display; the runs never overlap. */
export interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: 'current' | 'other';
}

export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly kind: 'plain' | 'current' | 'other';
}

/**
 * The current marks are placed first, then the others where no mark is yet:
 * a current mark is never hidden by one that overlaps it (a value added over
 * another value's words, say).
 */
export function segmentText(length: number, marks: readonly Mark[]): Segment[] {
  const clean = marks
    .filter((m) => m.start < m.end && m.start >= 0 && m.end <= length)
    .sort((a, b) => (a.kind === b.kind ? a.start - b.start : a.kind === 'current' ? -1 : 1));
  // Marked runs so far, in text order, none overlapping.
  const placed: Segment[] = [];
  for (const m of clean) {
    let at = m.start;
    const free: Segment[] = [];
    for (const p of placed) {
      if (p.end <= at) continue;
      if (p.start >= m.end) break;
      if (p.start > at) free.push({ start: at, end: p.start, kind: m.kind });
      at = Math.max(at, p.end);
    }
    if (at < m.end) free.push({ start: at, end: m.end, kind: m.kind });
    placed.push(...free);
    placed.sort((a, b) => a.start - b.start);
  }
  const segments: Segment[] = [];
  let at = 0;
  for (const p of placed) {
    if (p.start > at) segments.push({ start: at, end: p.start, kind: 'plain' });
    segments.push(p);
    at = p.end;
  }
  if (at < length) segments.push({ start: at, end: length, kind: 'plain' });
  return segments;
}
