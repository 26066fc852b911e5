/**
 * The source panel: the full report text, scrolled to the sentence that
 * states the value, the phrase highlighted; the other mentions of the same
 * indicator marked and stepped through. In full-text mode (FullText.tsx) the
 * report fills the page. Report text is data, rendered as text.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { INDICATORS } from '../../catalog';
import { rowText } from '../../components/value-text';
import { countyKeyOf, rowOfReport, type MentionRow, type ValueRow } from '../../dataset/model';
import { formatValue, indicatorName, t, type Lang } from '../../i18n';
import { useAppStore, type SourceRef } from '../../store';
import { useCountyData, useIndicatorData, useReports } from '../../store/hooks';
import type { Mark } from '../../components/segments';
import { WindowedText } from '../../components/WindowedText';
import { alternativesText } from './alternatives';
import { CloseButton, reportHeading, SourceHeader } from '../../components/ReportHeader';
import { ReportFullText } from './FullText';
import { useReportText } from './report-text';

interface Loaded {
  readonly key: string;
  readonly text: string | null;
  readonly mentions: readonly MentionRow[];
}

/** None loaded yet: one empty list, so the marks are not computed again each render. */
const NO_MENTIONS: readonly MentionRow[] = [];

/** The report's text (`text`: see useReportText) and its mentions of the value's indicator. */
function useSourceData(source: SourceRef | null, text: string | null | undefined): Loaded | null {
  const [read, setRead] = useState<Loaded | null>(null);
  // Stepping through the mentions changes the source's start only: nothing is read again.
  const reportId = source?.reportId ?? null;
  const indicator = source?.indicator ?? null;
  const key = reportId === null ? '' : `${reportId}|${indicator}`;
  useEffect(() => {
    if (reportId === null || indicator === null || text === undefined || text === null) return;
    let live = true;
    import('../../dataset/findings')
      .then(({ findingsOf }) => findingsOf(reportId, text))
      .then((found) => {
        const ofIndicator = found.mentions.filter((m) => m.indicator === indicator);
        if (live) setRead({ key, text, mentions: ofIndicator });
      })
      .catch((error: unknown) => {
        // The mentions not read: the value alone is marked.
        console.error(`the source of ${reportId}:`, error);
      });
    return () => {
      live = false;
    };
  }, [key, reportId, indicator, text]);
  // The text first; the other mentions when read off it (the value's own span meanwhile).
  const textAlone = useMemo(
    (): Loaded | null => (text === undefined ? null : { key, text, mentions: NO_MENTIONS }),
    [key, text],
  );
  if (reportId === null) return null;
  return read?.key === key && read.text === text ? read : textAlone;
}

/**
 * The arithmetic behind a derived value, with its parts as the report writes
 * them: 5 + 3 = 8人 for a count summed from listed parts (the parts are its
 * numbers), 成功调解207件 ÷ 调解纠纷208件 = 99.5% for a rate computed from its
 * part and whole (the parts are their phrases). '' while the text is not loaded.
 */
function arithmetic(lang: Lang, row: ValueRow, text: string | null): string {
  if (text === null || row.value === null) return '';
  const written = row.parts.map((p) => text.slice(p.start, p.end).trim());
  if (written.length < 2 || written.some((w) => w === '')) return '';
  const result = formatValue(lang, row.value, row.qualifier, row.unit);
  const sum = INDICATORS[row.indicator].kind === 'count';
  return `${written.join(sum ? ' + ' : ' ÷ ')} = ${result}`;
}

function Explanation({ lang, row, text }: { lang: Lang; row: ValueRow; text: string | null }) {
  const lines: string[] = [];
  // A derived rate comes from two figures; a derived count is the sum of listed parts.
  if (row.derived) {
    const how = arithmetic(lang, row, text);
    const kind = INDICATORS[row.indicator].kind === 'count' ? 'summedExplain' : 'derivedExplain';
    lines.push(how === '' ? t(lang, kind) : `${t(lang, kind)}${lang === 'zh' ? '：' : ': '}${how}`);
  }
  if (row.correction === 'override') lines.push(`${t(lang, 'correctedExplain')}${row.note}`);
  if (row.correction === 'delete') lines.push(`${t(lang, 'deletedExplain')}${row.note}`);
  if (row.correction === 'add') lines.push(`${t(lang, 'addedExplain')}${row.note}`);
  const alternatives = alternativesText(lang, row);
  if (alternatives !== '') lines.push(alternatives);
  if (row.period !== '') lines.push(t(lang, 'periodExplain', { period: row.period }));
  if (lines.length === 0) return null;
  return (
    <ul className="explain">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

/** A value's source; or a report whole, from a town's list (full-text mode). */
export function SourcePanel() {
  const fullText = useAppStore((s) => s.fullText);
  const sourceReport = useAppStore((s) => s.source?.reportId);
  if (fullText !== null && fullText.reportId !== sourceReport) {
    return <ReportFullText report={fullText} />;
  }
  return <ValueSource />;
}

function ValueSource() {
  const {
    source,
    townById,
    counties,
    lang,
    closeSource,
    openSource,
    fullText,
    openFullText,
    closeFullText,
  } = useAppStore(
    useShallow((s) => ({
      source: s.source,
      townById: s.model?.townById,
      counties: s.model?.counties,
      lang: s.lang,
      closeSource: s.closeSource,
      openSource: s.openSource,
      fullText: s.fullText,
      openFullText: s.openFullText,
      closeFullText: s.closeFullText,
    })),
  );
  // Full-text mode on this value's report: the page is the report, the value still marked.
  const full = source !== null && fullText?.reportId === source.reportId;
  // A report imported in this browser (not published): everything is here.
  const local = useAppStore((s) =>
    source === null ? undefined : s.imported.find((r) => r.reportId === source.reportId),
  );
  // With the town known, everything comes from its county's files. Without
  // (an older link), the value is first read from its indicator's files, of
  // every year: its row names the county.
  const place = source?.town === undefined ? undefined : townById?.get(source.town);
  const indicator =
    source === null || place !== undefined || local !== undefined ? null : source.indicator;
  const { model, state: indicatorState } = useIndicatorData(
    useMemo(() => (indicator === null ? [] : [indicator]), [indicator]),
  );
  const indicatorRow = useMemo(
    () =>
      source === null || model === null || indicator === null
        ? null
        : (rowOfReport(model, indicator, source.reportId) ?? null),
    [source, model, indicator],
  );
  const placed = place ?? indicatorRow;
  const countyKey = placed === null || placed === undefined ? null : countyKeyOf(placed);
  const countyInfo = countyKey === null ? undefined : counties?.get(countyKey);
  const byCounty = countyInfo !== undefined && local === undefined;
  const { data: county, state: countyState } = useCountyData(byCounty ? countyKey : null);
  // The whole report list only when no county's files name the report (once its row is looked up).
  const reportsState = useReports(
    source !== null &&
      !byCounty &&
      local === undefined &&
      (indicator === null || indicatorState !== 'loading'),
  );
  const published =
    source === null || local !== undefined
      ? undefined
      : byCounty
        ? (county?.reports.find((r) => r.reportId === source.reportId) ??
          model?.reports?.get(source.reportId))
        : model?.reports?.get(source.reportId);
  // The row that says where the text is: undefined while its files load, null if none names it.
  const lookedUp = byCounty ? countyState !== 'loading' : reportsState !== 'loading';
  const reportText = useReportText(
    source?.reportId ?? null,
    local?.text ?? null,
    published,
    lookedUp,
  );
  const loaded = useSourceData(source, reportText);
  const textRef = useRef<HTMLDivElement | null>(null);
  const row = useMemo(() => {
    if (source === null || model === null) return null;
    if (local !== undefined) {
      return (
        model.local?.rows.find(
          (v) => v.reportId === source.reportId && v.indicator === source.indicator,
        ) ?? null
      );
    }
    if (byCounty) {
      // Until the county's files are in, the row an older link was placed by.
      return (
        county?.values.find(
          (v) => v.reportId === source.reportId && v.indicator === source.indicator,
        ) ?? indicatorRow
      );
    }
    return indicatorRow;
  }, [model, source, byCounty, county, local, indicatorRow]);
  const report = local !== undefined ? local.metadata : published;
  const wanted = source?.start ?? row?.start ?? null;
  // The other mentions only when the value's own is among them: a text read
  // by other rules than the data's (a dashboard newer than its data folder)
  // marks the value alone rather than someone else's words.
  const read = loaded?.mentions ?? NO_MENTIONS;
  const own =
    row === null
      ? read.some((m) => m.start === wanted)
      : read.some((m) => m.start === row.start && m.end === row.end);
  const mentions = own ? read : NO_MENTIONS;
  const current = Math.max(
    0,
    mentions.findIndex((m) => m.start === wanted),
  );

  const marks = useMemo((): Mark[] => {
    if (source === null) return [];
    // A derived value points at its parts; a corrected one at its own span.
    if (row !== null && row.derived) {
      return row.parts.map((p) => ({ start: p.start, end: p.end, kind: 'current' }));
    }
    const list: Mark[] = mentions.map((m, i) => ({
      start: m.start,
      end: m.end,
      kind: i === current ? 'current' : 'other',
    }));
    if (mentions.length === 0 && row?.start != null && row.end != null) {
      list.push({ start: row.start, end: row.end, kind: 'current' });
    }
    return list;
  }, [source, row, mentions, current]);

  // The text opens on the value's words (or the mention stepped to).
  const goTo = useMemo(() => {
    const first = marks.find((m) => m.kind === 'current');
    return loaded === null || first === undefined ? null : { offset: first.start };
  }, [loaded, marks]);
  useEffect(() => {
    if (source === null) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') (full ? closeFullText : closeSource)();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [source, full, closeSource, closeFullText]);

  if (source === null) return null;
  const { title, meta } = reportHeading(lang, report, {
    town: row?.town || source.reportId,
    year: row?.year ?? '',
  });
  const step = (delta: number): void => {
    const m = mentions[current + delta];
    if (m !== undefined) openSource({ ...source, start: m.start });
  };
  const text = loaded?.text ?? null;
  return (
    <aside
      className={full ? 'source-panel full-text' : 'source-panel'}
      data-testid={full ? 'full-text' : 'source-panel'}
      role="dialog"
      aria-modal={full}
      aria-label={full ? title : t(lang, 'source')}
    >
      <SourceHeader kicker={t(lang, full ? 'fullText' : 'source')} title={title} meta={meta}>
        {full ? (
          // Back to the value's panel.
          <CloseButton label={t(lang, 'closeFullText')} onClose={closeFullText} />
        ) : (
          <>
            <button
              type="button"
              data-testid="open-full-text"
              onClick={() =>
                openFullText({
                  reportId: source.reportId,
                  ...(source.town === undefined ? {} : { town: source.town }),
                })
              }
            >
              {t(lang, 'openText')}
            </button>
            <CloseButton label={t(lang, 'close')} onClose={closeSource} />
          </>
        )}
      </SourceHeader>
      <div className="source-value">
        <strong>{indicatorName(lang, source.indicator)}</strong>{' '}
        {row !== null && row.value !== null ? rowText(lang, row) : ''}
        {row !== null && <Explanation lang={lang} row={row} text={text} />}
      </div>
      {mentions.length > 1 && !(row?.derived ?? false) && (
        <nav className="source-steps" aria-label={indicatorName(lang, source.indicator)}>
          <button type="button" onClick={() => step(-1)} disabled={current === 0}>
            ‹ {t(lang, 'previous')}
          </button>
          <span>{t(lang, 'mentionOf', { i: current + 1, n: mentions.length })}</span>
          <button type="button" onClick={() => step(1)} disabled={current >= mentions.length - 1}>
            {t(lang, 'next')} ›
          </button>
          <span className="source-mention-value">
            {mentions[current] !== undefined &&
              formatValue(
                lang,
                mentions[current].value,
                mentions[current].qualifier,
                mentions[current].unit === '%' ? '%' : INDICATORS[source.indicator].unit,
              )}
          </span>
        </nav>
      )}
      {text === null ? (
        <div className="source-text" lang="zh-CN" tabIndex={0} role="region" aria-label={title}>
          <p className="hint">{t(lang, loaded === null ? 'loadingText' : 'textMissing')}</p>
        </div>
      ) : (
        <WindowedText
          text={text}
          marks={marks}
          goTo={goTo}
          boxRef={textRef}
          lang={lang}
          label={title}
          className="source-text"
          currentTestId="source-highlight"
        />
      )}
    </aside>
  );
}
