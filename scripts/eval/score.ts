/**
 * Scores the extractor against hand-annotated reports (the gold format of
 * ../shared/dev: one JSON object per report with its town, year and items).
 * Mention level, as sets per report: an extracted (indicator, value) pair is
 * right when it matches a gold item's indicator or one of its `also` ids with
 * the same value; recall is the share of gold items found, precision the
 * share of extracted pairs that are right. Town and year compare as strings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { INDICATORS, isIndicatorId, type CategoryId } from '../../src/catalog';
import { decodeReport, processText } from '../../src/extract';

const goldItem = z.object({
  indicator: z.string(),
  value: z.number(),
  qualifier: z.string().optional(),
  quote: z.string(),
  also: z.array(z.string()).default([]),
});

const goldReport = z.object({
  id: z.string(),
  url: z.string().nullable().optional(),
  town: z.string().nullable(),
  year: z.number().nullable(),
  items: z.array(goldItem),
});

export type GoldReport = z.infer<typeof goldReport>;

/** The reports of a gold file, each line checked; a bad line throws naming file and line. */
export function readGold(file: string): GoldReport[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (line.trim() === '') return [];
      const parsed = goldReport.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file}:${index + 1}: ${parsed.error.message}`);
      return [parsed.data];
    });
}

export interface Finding {
  readonly report: string;
  readonly indicator: string;
  readonly value: number;
  readonly quote: string;
}

export interface Tally {
  gold: number;
  found: number;
  extracted: number;
  correct: number;
}

export interface Score {
  readonly reports: number;
  readonly total: Tally;
  readonly town: number;
  readonly year: number;
  readonly townAndYear: number;
  readonly byCategory: ReadonlyMap<CategoryId, Tally>;
  readonly byIndicator: ReadonlyMap<string, Tally>;
  readonly misses: readonly Finding[];
  readonly falsePositives: readonly Finding[];
  readonly wrongPlaces: readonly string[];
}

const emptyTally = (): Tally => ({ gold: 0, found: 0, extracted: 0, correct: 0 });

export const precisionOf = (t: Tally): number => (t.extracted === 0 ? 1 : t.correct / t.extracted);
export const recallOf = (t: Tally): number => (t.gold === 0 ? 1 : t.found / t.gold);
export const f1Of = (t: Tally): number => {
  const p = precisionOf(t);
  const r = recallOf(t);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};

/** Runs the extractor on every gold report (its text in `docs/<id>.txt`) and scores it. */
export function scoreGold(reports: readonly GoldReport[], docs: string): Score {
  const total = emptyTally();
  const byCategory = new Map<CategoryId, Tally>();
  const byIndicator = new Map<string, Tally>();
  const tallies = (indicator: string): Tally[] => {
    if (!isIndicatorId(indicator)) return [total];
    const category = INDICATORS[indicator].category;
    if (!byCategory.has(category)) byCategory.set(category, emptyTally());
    if (!byIndicator.has(indicator)) byIndicator.set(indicator, emptyTally());
    return [
      total,
      byCategory.get(category) ?? emptyTally(),
      byIndicator.get(indicator) ?? emptyTally(),
    ];
  };
  const misses: Finding[] = [];
  const falsePositives: Finding[] = [];
  const wrongPlaces: string[] = [];
  let town = 0;
  let year = 0;
  let townAndYear = 0;
  for (const gold of reports) {
    const decoded = decodeReport(readFileSync(join(docs, `${gold.id}.txt`)));
    if (!decoded.ok) throw new Error(`${gold.id}: ${decoded.reason}`);
    const outcome = processText(gold.id, gold.id, decoded.data.text, 'txt', decoded.data.encoding);
    const townRight = outcome.detected.town === (gold.town ?? '');
    const yearRight = outcome.detected.year === gold.year;
    town += townRight ? 1 : 0;
    year += yearRight ? 1 : 0;
    townAndYear += townRight && yearRight ? 1 : 0;
    if (!townRight || !yearRight) {
      wrongPlaces.push(
        `${gold.id}: ${outcome.detected.town || '—'} ${outcome.detected.year ?? '—'} (gold ${gold.town ?? '—'} ${gold.year ?? '—'})`,
      );
    }
    // Items of ids outside the catalog (a later catalog's) are not counted.
    const items = gold.items.filter((i) => [i.indicator, ...i.also].some(isIndicatorId));
    const extracted = new Map<string, Finding>();
    for (const m of outcome.mentions) {
      const key = `${m.indicator}=${m.value}`;
      if (!extracted.has(key)) {
        extracted.set(key, {
          report: gold.id,
          indicator: m.indicator,
          value: m.value,
          quote: m.quote,
        });
      }
    }
    for (const item of items) {
      const ids = [item.indicator, ...item.also];
      const found = ids.some((id) => extracted.has(`${id}=${item.value}`));
      for (const t of tallies(item.indicator)) {
        t.gold++;
        if (found) t.found++;
      }
      if (!found)
        misses.push({
          report: gold.id,
          indicator: item.indicator,
          value: item.value,
          quote: item.quote,
        });
    }
    for (const finding of extracted.values()) {
      const right = items.some(
        (i) => i.value === finding.value && [i.indicator, ...i.also].includes(finding.indicator),
      );
      for (const t of tallies(finding.indicator)) {
        t.extracted++;
        if (right) t.correct++;
      }
      if (!right) falsePositives.push(finding);
    }
  }
  const n = reports.length;
  return {
    reports: n,
    total,
    town: n === 0 ? 1 : town / n,
    year: n === 0 ? 1 : year / n,
    townAndYear: n === 0 ? 1 : townAndYear / n,
    byCategory,
    byIndicator,
    misses,
    falsePositives,
    wrongPlaces,
  };
}
