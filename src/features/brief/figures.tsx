/**
 * The brief's figures and lists as the page shows them: a figure is a button
 * that opens its sentence (the town or the year before its value), a change
 * is its two figures and the percent, a list keeps its separators off the
 * start of a line and counts what it does not name.
 *
 * May import: src/dataset, src/i18n, src/catalog, src/components.
 */
import { Fragment, type ReactNode } from 'react';
import { rowText, valueFlag } from '../../components/value-text';
import { INDICATORS } from '../../catalog';
import type { BriefChange, BriefValue } from '../../dataset/brief';
import type { Town, ValueRow } from '../../dataset/model';
import { formatChange, t, type Lang } from '../../i18n';

/** Towns named at most in one list; more are counted. */
export const NAMED = 10;

export type Open = (row: ValueRow) => void;

/** A figure as a button that opens its sentence; `label` before the value (a town, a year). */
export function Figure({
  lang,
  row,
  label,
  open,
}: {
  lang: Lang;
  row: ValueRow;
  label: string;
  open: Open;
}) {
  return (
    <button
      type="button"
      className="cell-link brief-figure"
      data-testid="brief-figure"
      data-report={row.reportId}
      data-indicator={row.indicator}
      onClick={() => open(row)}
    >
      {label} {signed(row)}
      {rowText(lang, row)}
      {valueFlag(row)}
    </button>
  );
}

/** A year-over-year change stated by the report reads as one: +15.45%, not 15.45%. */
export function signed(row: ValueRow): string {
  return INDICATORS[row.indicator].kind === 'change' && (row.value ?? 0) > 0 ? '+' : '';
}

/**
 * Items joined by the language's list separator, each kept on one line with
 * the separator after it (a line never starts with "、"), at most `max`, then
 * how many more.
 */
export function joined(lang: Lang, items: readonly ReactNode[], max = Infinity): ReactNode {
  const shown = items.slice(0, max);
  return (
    <>
      {shown.map((item, i) => (
        <Fragment key={i}>
          <span className="brief-item">
            <span className="brief-item-body">{item}</span>
            {i < shown.length - 1 && t(lang, 'listSeparator').trimEnd()}
          </span>
          {/* The line may break here, after the separator. */}
          {i < shown.length - 1 && (t(lang, 'listSeparator').endsWith(' ') ? ' ' : <wbr />)}
        </Fragment>
      ))}
      {items.length > shown.length &&
        ` ${t(lang, 'briefAndMore', { n: items.length - shown.length })}`}
    </>
  );
}

/** Town names, at most NAMED, then how many more. */
export function names(lang: Lang, towns: readonly Town[]): ReactNode {
  return joined(
    lang,
    towns.map((town) => town.name),
    NAMED,
  );
}

export function Values({
  lang,
  values,
  open,
}: {
  lang: Lang;
  values: readonly BriefValue[];
  open: Open;
}) {
  return joined(
    lang,
    values.map((v) => <Figure lang={lang} row={v.row} label={v.town.name} open={open} />),
    NAMED,
  );
}

/**
 * A town's figure in an earlier report and in this year's: 段园镇 2023年 400件 →
 * 2024年 608件, each figure opening its own sentence.
 */
export function Pair({
  lang,
  town,
  before,
  beforeYear,
  now,
  year,
  open,
}: {
  lang: Lang;
  town: Town;
  before: ValueRow;
  beforeYear: number;
  now: ValueRow;
  year: number;
  open: Open;
}) {
  return (
    <>
      <span className="brief-town">{town.name}</span>{' '}
      <Figure
        lang={lang}
        row={before}
        label={t(lang, 'briefYearOf', { year: beforeYear })}
        open={open}
      />
      {' → '}
      <Figure lang={lang} row={now} label={t(lang, 'briefYearOf', { year })} open={open} />
    </>
  );
}

/** A rise or fall: its pair of figures and the percent (a change from zero is never one). */
export function Change({
  lang,
  change,
  year,
  open,
}: {
  lang: Lang;
  change: BriefChange;
  year: number;
  open: Open;
}) {
  return (
    <>
      <Pair
        lang={lang}
        town={change.town}
        before={change.before}
        beforeYear={change.beforeYear}
        now={change.now}
        year={year}
        open={open}
      />{' '}
      <strong className="brief-amount">{formatChange(lang, change.percent ?? 0)}</strong>
    </>
  );
}
