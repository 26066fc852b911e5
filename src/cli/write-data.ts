/**
 * The data folder written from a run's spilled findings (src/cli/spill.ts):
 * the reports' rows, the values one town and year at a time (copied from
 * the lines its one report's thread wrote, or resolved here), each counted
 * report's lines in the complete tables copied in report order, index.json
 * last.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { IndicatorId } from '../catalog';
import {
  finalizeReports,
  INDEX_FILE,
  layoutWriter,
  groupsToResolve,
  resolveGroup,
  type Issue,
  type LayoutOptions,
  type ReportRow,
  type ReportSummary,
  type SideFiles,
  type TextLocator,
} from '../extract';
import { figuresOf, type QuotedMention } from '../extract/figures';
import { figureList } from '../extract/pipeline';
import { checkpoint } from './cleanup';
import { FileAppender, writeChunks } from './files';
import { failpoint } from './out-folder';
import type { PhaseClock } from './phases';
import { digest, type Spill, type Spilled } from './spill';

/** What a run wrote, for its summary. */
export interface Written {
  readonly reports: readonly ReportRow[];
  readonly issues: readonly Issue[];
  /** Rows written per indicator. */
  readonly values: ReadonlyMap<IndicatorId, number>;
  readonly mentions: ReadonlyMap<IndicatorId, number>;
  readonly unused: number;
  /**
   * Towns and years (groups of reports resolved together) written from the
   * values their one report's thread resolved (`alone`), and resolved here.
   */
  readonly groups: { readonly alone: number; readonly resolved: number };
}

export interface Collected {
  /** Every report's summary and pieces, as they came. */
  readonly spilled: Spilled[];
  bytesRead: number;
}

/** How many rows are written between two chances for Ctrl+C to stop the run. */
const CHECKPOINT_ROWS = 4096;

/** A report's published text, read back from its pack; a pack cut short is an error. */
function readText(dir: string, reportId: string, at: TextLocator): string {
  const bytes = Buffer.alloc(at.length);
  const fd = openSync(join(dir, at.file), 'r');
  let read = 0;
  try {
    while (read < at.length) {
      const n = readSync(fd, bytes, read, at.length - read, at.offset + read);
      if (n === 0) throw new Error(`${at.file} ends before the text of report ${reportId}`);
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  return bytes.toString('utf8');
}

/**
 * The data folder (see src/extract/layout.ts) into the staging folder from
 * the spilled findings: the reports' rows, the values one town and year at
 * a time (phase resolve: a town and year of one report and no correction
 * from its report's values resolved alone, Spill.alone, any other resolved
 * from its reports' mentions), each counted report's mentions and unused
 * numbers counted, their lines copied in report order with the complete
 * tables (phase tables); every file appended to piece by piece, then
 * index.json with their sizes.
 */
export async function writeData(
  dir: string,
  collected: Collected,
  spill: Spill,
  clock: PhaseClock,
  sideFiles: SideFiles,
  options: LayoutOptions,
): Promise<Written> {
  const finalized = finalizeReports(
    collected.spilled.map((s) => s.summary),
    sideFiles,
  );
  const byId = new Map(collected.spilled.map((s) => [s.summary.reportId, s]));
  const spilledOf = (reportId: string): Spilled => {
    const found = byId.get(reportId);
    if (found === undefined) throw new Error(`no findings kept for report ${reportId}`);
    return found;
  };
  const files = new FileAppender(dir);
  const writer = layoutWriter(
    (path, text) => files.append(path, text),
    finalized.reports,
    options,
    (path, bytes, start, end) => files.appendBytes(path, bytes, start, end),
  );
  // The texts of the town and year being resolved (its reports' mentions are
  // read off them, then its derived values and corrections quoted from them).
  const texts = new Map<string, string>();
  const textOf = (id: string): string => {
    let text = texts.get(id);
    if (text === undefined) {
      const at = spilledOf(id).summary.textAt;
      if (at === undefined) throw new Error(`no text kept for report ${id}`);
      text = readText(dir, id, at);
      texts.set(id, text);
    }
    return text;
  };
  // A report whose values were resolved alone kept no mentions: resolved with
  // others after all, it reads them off its text again (figuresOf, as the
  // dashboard does), checked against what its thread found. Without the
  // complete tables they are counted as their town and year is written.
  const readAgain = (
    id: string,
    { mentionCount, figures }: ReportSummary,
  ): readonly QuotedMention[] => {
    const { mentions } = figuresOf(textOf(id));
    if (mentions.length !== mentionCount || digest(figureList(mentions)) !== figures)
      throw new Error(`report ${id}: its text read back does not give the figures found in it`);
    return mentions;
  };
  const mentionsOf = (id: string): readonly QuotedMention[] => {
    const spilled = spilledOf(id);
    const mentions = spill.mentions(spilled) ?? readAgain(id, spilled.summary);
    if (!options.tables) for (const m of mentions) writer.mention(m.indicator, null);
    return mentions;
  };
  const quote = (id: string, start: number, end: number): string => textOf(id).slice(start, end);
  let n = 0;
  /** `rows` more written: a Ctrl+C stops the run here too, the values of 40,000 reports take a while. */
  const written = async (rows: number): Promise<void> => {
    // Half-way: the reports' rows written, the first values resolved and written.
    if (n === 0 && rows > 0) failpoint('layout-half');
    const before = Math.floor(n / CHECKPOINT_ROWS);
    n += rows;
    if (Math.floor(n / CHECKPOINT_ROWS) !== before) await checkpoint();
  };
  const groups = { alone: 0, resolved: 0 };
  for (const group of groupsToResolve(finalized.resolvable, finalized.corrections)) {
    // A town and year of one report and no correction: its values as the worker resolved them.
    const [only] = group.reports;
    const alone =
      only !== undefined && group.reports.length === 1 && group.corrections.length === 0
        ? spill.alone(spilledOf(only.reportId))
        : null;
    if (only !== undefined && alone !== null) {
      if (!options.tables) for (const indicator of alone.mentions) writer.mention(indicator, null);
      const { town, county, city, province, year } = only.metadata;
      writer.alone({ reportId: only.reportId, town, county, city, province, year }, alone.values);
      groups.alone++;
      await written(alone.values.indicators.length);
      continue;
    }
    groups.resolved++;
    texts.clear();
    const values = resolveGroup(group, mentionsOf, quote);
    for (const value of values) writer.value(value);
    await written(values.length);
  }
  clock.end('resolve');
  for (const row of finalized.reports) {
    if (!finalized.counted.has(row.reportId)) continue;
    if (++n % CHECKPOINT_ROWS === 0) await checkpoint();
    const { summary, tables } = spilledOf(row.reportId);
    if (tables === null) {
      writer.unused(null, summary.unusedCount);
      continue;
    }
    const lines = spill.tableLines(tables);
    for (const m of lines.mentions) writer.mention(m.indicator, m.line);
    writer.unused(lines.unused, summary.unusedCount);
  }
  writer.finish(finalized.corrections);
  const sizes = files.close();
  writeChunks(join(dir, INDEX_FILE), [writer.index((path) => sizes.get(path) ?? 0)]);
  clock.end('tables');
  const counts = writer.counts();
  return { reports: finalized.reports, issues: finalized.issues, ...counts, groups };
}
