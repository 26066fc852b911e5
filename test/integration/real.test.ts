/**
 * The extractor on real reports nobody here wrote (test/fixtures/real, the
 * development set) and on the independent hand-check of the sample reports:
 * floors at today's figures, so no change makes them worse unnoticed.
 * `npm run eval -- --verbose` lists every miss and false positive.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precisionOf, readGold, recallOf, scoreGold } from '../../scripts/eval/score';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

describe('real reports', () => {
  const score = scoreGold(
    readGold(join(FIXTURES, 'real', 'gold.jsonl')),
    join(FIXTURES, 'real', 'docs'),
  );

  it('scores all forty', () => {
    expect(score.reports).toBe(40);
    expect(score.total.gold).toBeGreaterThan(100);
  });

  it('keeps precision, recall and town+year at least where they are', () => {
    expect(precisionOf(score.total)).toBeGreaterThanOrEqual(0.97);
    expect(recallOf(score.total)).toBeGreaterThanOrEqual(0.96);
    expect(score.townAndYear).toBeGreaterThanOrEqual(0.97);
  });
});

describe('the sample reports, checked by another hand', () => {
  const score = scoreGold(
    readGold(join(FIXTURES, 'samples-gold.jsonl')),
    join(import.meta.dirname, '..', '..', 'data', 'reports'),
  );

  it('keeps precision, recall and town+year at least where they are', () => {
    expect(score.reports).toBe(5);
    expect(precisionOf(score.total)).toBeGreaterThanOrEqual(0.95);
    expect(recallOf(score.total)).toBeGreaterThanOrEqual(0.98);
    expect(score.townAndYear).toBe(1);
  });
});

describe('reports written blind (invented, annotated before any run, then used to write rules)', () => {
  const score = scoreGold(
    readGold(join(FIXTURES, 'blind', 'gold.jsonl')),
    join(FIXTURES, 'blind', 'docs'),
  );

  it('keeps precision, recall and town+year at least where they are', () => {
    expect(score.reports).toBe(12);
    expect(precisionOf(score.total)).toBeGreaterThanOrEqual(0.97);
    expect(recallOf(score.total)).toBeGreaterThanOrEqual(0.92);
    expect(score.townAndYear).toBe(1);
  });
});
