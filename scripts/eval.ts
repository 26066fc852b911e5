/**
 * `npm run eval [-- --verbose] [-- --gold FILE --docs DIR]`
 *
 * Scores the extractor on hand-annotated reports (see scripts/eval/score.ts):
 * by default the forty real reports in test/fixtures/real/ (public documents
 * from twenty provinces, each with its source address in gold.jsonl), then
 * the independent hand-check of the five sample reports, then twelve
 * invented reports annotated blind (test/fixtures/blind). Prints precision,
 * recall, F1 and town/year accuracy, then by category and by indicator;
 * `--verbose` lists every miss and false positive with its quote.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORIES, type CategoryId } from '../src/catalog';
import {
  f1Of,
  precisionOf,
  readGold,
  recallOf,
  scoreGold,
  type Score,
  type Tally,
} from './eval/score';

const ROOT = join(import.meta.dirname, '..');

/** The gold sets scored by default, real reports first. */
const SETS = [
  {
    name: 'real reports (test/fixtures/real, 40 reports from 20 provinces)',
    gold: join(ROOT, 'test/fixtures/real/gold.jsonl'),
    docs: join(ROOT, 'test/fixtures/real/docs'),
  },
  {
    name: 'sample reports (data/reports, independent hand-check)',
    gold: join(ROOT, 'test/fixtures/samples-gold.jsonl'),
    docs: join(ROOT, 'data/reports'),
  },
  {
    name: 'reports written blind (test/fixtures/blind, 12 invented, annotated before any run)',
    gold: join(ROOT, 'test/fixtures/blind/gold.jsonl'),
    docs: join(ROOT, 'test/fixtures/blind/docs'),
  },
];

const { values } = parseArgs({
  options: {
    gold: { type: 'string' },
    docs: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const pct = (x: number): string => x.toFixed(3);

function row(label: string, t: Tally): string {
  return `  ${label.padEnd(34)} gold ${String(t.gold).padStart(4)}  found ${String(t.found).padStart(4)}  extracted ${String(t.extracted).padStart(4)}  P ${pct(precisionOf(t))}  R ${pct(recallOf(t))}`;
}

function print(name: string, score: Score): void {
  const t = score.total;
  console.log(`\n${name}`);
  console.log(
    `  precision ${pct(precisionOf(t))}  recall ${pct(recallOf(t))}  F1 ${pct(f1Of(t))}  (${t.correct}/${t.extracted} extracted right, ${t.found}/${t.gold} gold found)`,
  );
  console.log(
    `  town ${pct(score.town)}  year ${pct(score.year)}  town+year ${pct(score.townAndYear)}  (${score.reports} reports)`,
  );
  console.log('  by category:');
  for (const [id, tally] of [...score.byCategory].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(row(`${id} ${CATEGORIES[id as CategoryId].zh}`, tally));
  }
  console.log('  by indicator:');
  for (const [id, tally] of [...score.byIndicator].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(row(id, tally));
  }
  if (!values.verbose) return;
  console.log('  misses:');
  for (const m of score.misses)
    console.log(`    ${m.report} ${m.indicator}=${m.value}  「${m.quote}」`);
  console.log('  false positives:');
  for (const f of score.falsePositives)
    console.log(`    ${f.report} ${f.indicator}=${f.value}  「${f.quote}」`);
  console.log('  town or year wrong:');
  for (const w of score.wrongPlaces) console.log(`    ${w}`);
}

const sets =
  values.gold === undefined
    ? SETS
    : [
        {
          name: values.gold,
          gold: values.gold,
          docs: values.docs ?? join(values.gold, '..', 'docs'),
        },
      ];
for (const set of sets) print(set.name, scoreGold(readGold(set.gold), set.docs));
