import { describe, expect, it } from 'vitest';
import { segmentText } from '../../src/components/segments';

describe('segmentText', () => {
  it('cuts the text into plain and marked runs', () => {
    expect(
      segmentText(20, [
        { start: 12, end: 15, kind: 'other' },
        { start: 2, end: 5, kind: 'current' },
      ]),
    ).toEqual([
      { start: 0, end: 2, kind: 'plain' },
      { start: 2, end: 5, kind: 'current' },
      { start: 5, end: 12, kind: 'plain' },
      { start: 12, end: 15, kind: 'other' },
      { start: 15, end: 20, kind: 'plain' },
    ]);
  });

  it('lets the current mark win an overlap and drops marks outside the text', () => {
    expect(
      segmentText(10, [
        { start: 2, end: 6, kind: 'other' },
        { start: 2, end: 6, kind: 'current' },
        { start: 8, end: 30, kind: 'other' },
      ]),
    ).toEqual([
      { start: 0, end: 2, kind: 'plain' },
      { start: 2, end: 6, kind: 'current' },
      { start: 6, end: 10, kind: 'plain' },
    ]);
  });

  it('keeps a current mark inside another one whole, the other around it', () => {
    expect(
      segmentText(20, [
        { start: 2, end: 12, kind: 'other' },
        { start: 5, end: 8, kind: 'current' },
      ]),
    ).toEqual([
      { start: 0, end: 2, kind: 'plain' },
      { start: 2, end: 5, kind: 'other' },
      { start: 5, end: 8, kind: 'current' },
      { start: 8, end: 12, kind: 'other' },
      { start: 12, end: 20, kind: 'plain' },
    ]);
  });
});
