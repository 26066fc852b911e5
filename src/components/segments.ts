/** Splits a text into plain and marked runs for display; marks never overlap. */
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

export function segmentText(length: number, marks: readonly Mark[]): Segment[] {
  const clean = marks
    .filter((m) => m.start < m.end && m.start >= 0 && m.end <= length)
    // The current mark wins where two overlap.
    .sort((a, b) => a.start - b.start || (a.kind === 'current' ? -1 : 1));
  const segments: Segment[] = [];
  let at = 0;
  for (const m of clean) {
    if (m.end <= at) continue;
    const start = Math.max(m.start, at);
    if (start > at) segments.push({ start: at, end: start, kind: 'plain' });
    segments.push({ start, end: m.end, kind: m.kind });
    at = m.end;
  }
  if (at < length) segments.push({ start: at, end: length, kind: 'plain' });
  return segments;
}
