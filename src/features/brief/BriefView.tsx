/**
 * 简报 / Brief: one page for a county leader before a meeting. For the
 * selected towns and year: per category, the towns stating the most and the
 * least of its headline figure, the largest rise and fall since each town's
 * previous report, the towns whose report does not state it; the catalog's
 * warning signs; the towns with no report this year. Every figure is a button
 * that opens its sentence; every sentence is worded from the data in the
 * page's language (dataset/brief.ts decides what the figures settle).
 *
 * May import: src/store, src/dataset, src/i18n, src/catalog, src/components.
 */
import { useMemo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DataPending } from '../../components/DataPending';
import { EmptyState } from '../../components/EmptyState';
import { IndicatorInfo } from '../../components/IndicatorInfo';
import { INDICATORS, WARNING_SIGNS, type WarningSign } from '../../catalog';
import {
  BRIEF_INDICATORS,
  briefOf,
  briefYears,
  type Brief,
  type BriefWarning,
  type CategoryBrief,
} from '../../dataset/brief';
import type { ValueRow } from '../../dataset/model';
import { categoryName, fill, indicatorName, t, type Lang, type MessageKey } from '../../i18n';
import { sourceOf, useAppStore } from '../../store';
import { useIndicatorData, useSelectedTowns } from '../../store/hooks';
import { usePrintScope } from '../../store/print-scope';
import { Change, Figure, joined, NAMED, names, Pair, Values, type Open } from './figures';

/** The words before an unranked list of a category's figures, by why it is unranked. */
const UNRANKED: Readonly<Record<'same' | 'tied' | 'open', MessageKey>> = {
  same: 'briefAllSame',
  tied: 'briefTied',
  open: 'briefUnordered',
};

function CategoryCard({
  lang,
  brief,
  item,
  open,
}: {
  lang: Lang;
  brief: Brief;
  item: CategoryBrief;
  open: Open;
}) {
  const count = INDICATORS[item.indicator].kind === 'count';
  const rows: { key: string; label: string; body: ReactNode }[] = [];
  const { order } = item;
  if (item.stated.length === 0) {
    rows.push({ key: 'none', label: '', body: t(lang, 'briefNoneStated', { year: brief.year }) });
  } else if (order === 'few') {
    rows.push({
      key: 'only',
      label: '',
      body: (
        <>
          {t(lang, 'briefOnlyOne')} <Values lang={lang} values={item.stated} open={open} />
        </>
      ),
    });
  } else if (order !== 'ranked') {
    rows.push({
      key: order === 'open' ? 'unordered' : order,
      label: '',
      body: (
        <>
          {t(lang, UNRANKED[order], { n: item.stated.length })}{' '}
          <Values lang={lang} values={item.stated} open={open} />
        </>
      ),
    });
  } else {
    if (item.highest.length > 0) {
      rows.push({
        key: 'highest',
        label: t(lang, count ? 'briefMost' : 'briefHighest'),
        body: <Values lang={lang} values={item.highest} open={open} />,
      });
    }
    if (item.lowest.length > 0) {
      rows.push({
        key: 'lowest',
        label: t(lang, count ? 'briefFewest' : 'briefLowest'),
        body: <Values lang={lang} values={item.lowest} open={open} />,
      });
    }
  }
  // Changes only where some town has an earlier report (the page says so once otherwise).
  if (brief.withPrevious > 0 && item.stated.length > 0) {
    if (item.compared === 0) {
      rows.push({ key: 'nochange', label: '', body: t(lang, 'briefNoChange') });
    } else if (item.rise === null && item.fall === null) {
      const words = item.unchanged ? 'briefNoRiseFall' : 'briefOnlyFromZero';
      rows.push({ key: 'steady', label: '', body: t(lang, words) });
    }
    if (item.rise !== null) {
      rows.push({
        key: 'rise',
        label: t(lang, 'briefRise'),
        body: <Change lang={lang} change={item.rise} year={brief.year} open={open} />,
      });
    }
    if (item.fall !== null) {
      rows.push({
        key: 'fall',
        label: t(lang, 'briefFall'),
        body: <Change lang={lang} change={item.fall} year={brief.year} open={open} />,
      });
    }
  }
  return (
    <section className="panel brief-category" data-testid={`brief-${item.category}`}>
      <h3>{categoryName(lang, item.category)}</h3>
      <p className="brief-indicator">
        {indicatorName(lang, item.indicator)}{' '}
        <IndicatorInfo lang={lang} indicator={item.indicator} />
      </p>
      <ul className="brief-rows">
        {rows.map((r) => (
          <li key={r.key} className="brief-row" data-testid={`brief-${r.key}`}>
            {r.label !== '' && <span className="brief-label">{r.label}</span>}
            <span className="brief-body">{r.body}</span>
          </li>
        ))}
      </ul>
      {/* With no town stating it, the line above says so: no list of every town. */}
      {item.notStated.length > 0 && item.stated.length > 0 && (
        <p className="brief-not-stated" data-testid="brief-not-stated">
          {t(lang, 'briefNotStated')}
          {names(lang, item.notStated)}
        </p>
      )}
    </section>
  );
}

function signLabel(lang: Lang, sign: WarningSign): string {
  const threshold = sign.test.kind === 'rising' ? '' : sign.test.threshold;
  return fill(sign.label[lang], { threshold });
}

function Warnings({ lang, brief, open }: { lang: Lang; brief: Brief; open: Open }) {
  const bySign = new Map<WarningSign, BriefWarning[]>();
  for (const w of brief.warnings) bySign.set(w.sign, [...(bySign.get(w.sign) ?? []), w]);
  const quiet = WARNING_SIGNS.filter((s) => !bySign.has(s));
  const quietText = (sign: WarningSign): string => {
    const n = brief.checked.get(sign.id) ?? 0;
    if (n > 0) return t(lang, 'briefSignNotSeen', { n });
    return t(lang, sign.test.kind === 'rising' ? 'briefSignUnknownRising' : 'briefSignUnknown');
  };
  return (
    <section className="panel brief-warnings" data-testid="brief-warnings">
      <h3>{t(lang, 'briefWarnings')}</h3>
      <ul>
        {[...bySign].map(([sign, found]) => (
          <li key={sign.id} data-testid={`brief-sign-${sign.id}`}>
            <strong>{signLabel(lang, sign)}</strong>
            {t(lang, 'briefLabelEnd')}
            {joined(
              lang,
              found.map((w) =>
                w.before === null ? (
                  <Figure lang={lang} row={w.row} label={w.town.name} open={open} />
                ) : (
                  <Pair
                    lang={lang}
                    town={w.town}
                    before={w.before.row}
                    beforeYear={w.before.year}
                    now={w.row}
                    year={brief.year}
                    open={open}
                  />
                ),
              ),
              NAMED,
            )}
          </li>
        ))}
        {/* A sign not seen says how many towns it was checked in; checked in none, it is unknown. */}
        {quiet.map((sign) => (
          <li key={sign.id} className="brief-quiet" data-testid={`brief-quiet-${sign.id}`}>
            {signLabel(lang, sign)}
            {t(lang, 'briefLabelEnd')}
            {quietText(sign)}
          </li>
        ))}
      </ul>
      <p className="brief-note">{t(lang, 'briefWarningsChecked')}</p>
    </section>
  );
}

function NoReport({
  lang,
  brief,
  showTown,
}: {
  lang: Lang;
  brief: Brief;
  showTown: (townId: string) => void;
}) {
  return (
    <section className="panel brief-missing" data-testid="brief-no-report">
      <h3>{t(lang, 'briefNoReport', { year: brief.year })}</h3>
      <ul>
        {brief.noReport.slice(0, NAMED * 2).map(({ town, latest, first }) => (
          <li key={town.id}>
            <button
              type="button"
              className="cell-link"
              data-testid="brief-missing-town"
              onClick={() => showTown(town.id)}
            >
              {town.name}
            </button>{' '}
            <span className="th-meta">
              {latest !== null
                ? t(lang, 'briefLatest', { year: latest })
                : first !== null && t(lang, 'briefFirst', { year: first })}
            </span>
          </li>
        ))}
        {brief.noReport.length > NAMED * 2 && (
          <li>{t(lang, 'briefAndMore', { n: brief.noReport.length - NAMED * 2 })}</li>
        )}
      </ul>
    </section>
  );
}

export function BriefView() {
  const { year, lang, openSource, showTown } = useAppStore(
    useShallow((s) => ({
      year: s.year,
      lang: s.lang,
      openSource: s.openSource,
      showTown: s.showTown,
    })),
  );
  const towns = useSelectedTowns();
  const years = useMemo(() => (year === null ? [] : briefYears(towns, year)), [towns, year]);
  const { state, model } = useIndicatorData(BRIEF_INDICATORS, years);
  const brief = useMemo(
    () =>
      model === null || year === null || state !== 'ready' ? null : briefOf(model, year, towns),
    [model, year, towns, state],
  );
  usePrintScope(
    useMemo(
      () =>
        year === null ? null : ({ view: 'brief', towns, period: { kind: 'year', year } } as const),
      [towns, year],
    ),
  );
  const open = (row: ValueRow): void => openSource(sourceOf(row));
  const heading = (
    <h2>
      {t(lang, 'brief')} · {year}
    </h2>
  );
  if (towns.length === 0 || year === null) {
    return (
      <section className="brief" data-testid="brief">
        {heading}
        <EmptyState title={t(lang, 'briefNoTowns')} />
      </section>
    );
  }
  if (brief === null) {
    return (
      <section className="brief" aria-busy={state !== 'failed'}>
        {heading}
        <DataPending lang={lang} failed={state === 'failed'} />
      </section>
    );
  }
  return (
    <section className="brief" data-testid="brief">
      {heading}
      <p className="brief-lead" data-testid="brief-lead">
        {brief.withReport === brief.towns.length
          ? t(lang, 'briefReportsAll', { total: brief.towns.length, year: brief.year })
          : t(lang, 'briefReports', {
              total: brief.towns.length,
              n: brief.withReport,
              year: brief.year,
            })}
      </p>
      {brief.withReport > 0 && brief.withPrevious === 0 && (
        <p className="brief-lead" data-testid="brief-one-year">
          {t(lang, 'briefOneYear')}
        </p>
      )}
      <p className="brief-note">
        {t(lang, 'briefHowRead')} {t(lang, 'flagsLegend')}
      </p>
      <p className="hint">{t(lang, 'briefClickHint')}</p>
      {/* No report this year: nothing is "not stated", nothing to check. */}
      {brief.withReport > 0 && (
        <div className={`brief-top${brief.noReport.length === 0 ? ' brief-top-one' : ''}`}>
          <Warnings lang={lang} brief={brief} open={open} />
          {brief.noReport.length > 0 && <NoReport lang={lang} brief={brief} showTown={showTown} />}
        </div>
      )}
      {brief.withReport > 0 && (
        <div className="brief-grid">
          {brief.categories.map((item) => (
            <CategoryCard key={item.category} lang={lang} brief={brief} item={item} open={open} />
          ))}
        </div>
      )}
      {brief.withReport === 0 && brief.noReport.length > 0 && (
        <NoReport lang={lang} brief={brief} showTown={showTown} />
      )}
    </section>
  );
}
