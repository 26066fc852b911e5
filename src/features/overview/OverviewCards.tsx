/**
 * One card per catalog category: its headline figure for the year over the
 * selected towns, how many towns report it, and the change from the year before.
 */
import { useMemo, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CATEGORY_IDS, INDICATORS, headlineOf } from '../../catalog';
import { overviewCards } from '../../dataset/select';
import { categoryName, formatChange, formatValue, indicatorName, t, type Lang } from '../../i18n';
import { useAppStore } from '../../store';
import { DataPending } from '../../components/DataPending';
import { useIndicatorFigures, useSelectedTowns } from '../../store/hooks';

/**
 * The cards' place while their data loads: the same grid of card-sized boxes,
 * so the ranking below does not move when the cards arrive. The page shell
 * painted before React is this component rendered at build time (app/shell.tsx).
 */
export function OverviewPlaceholder({ lang, year }: { lang: Lang; year: number | null }) {
  return (
    <OverviewSection lang={lang} year={year} pending>
      <div className="cards">
        {CATEGORY_IDS.map((c) => (
          <div key={c} className="card card-pending" />
        ))}
      </div>
    </OverviewSection>
  );
}

/** The overview's frame in every state: its heading, busy while pending. */
function OverviewSection({
  lang,
  year,
  pending = false,
  children,
}: {
  lang: Lang;
  year: number | null;
  pending?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      className="overview"
      aria-label={t(lang, 'overview')}
      {...(pending ? { 'aria-busy': true } : { 'data-testid': 'overview' })}
    >
      <h2>
        {t(lang, 'overview')} · {year}
      </h2>
      {children}
    </section>
  );
}

export function OverviewCards() {
  const { year, lang, category, setCategory } = useAppStore(
    useShallow((s) => ({
      year: s.year,
      lang: s.lang,
      category: s.category,
      setCategory: s.setCategory,
    })),
  );
  const towns = useSelectedTowns();
  const headlines = useMemo(() => CATEGORY_IDS.map(headlineOf), []);
  // The year and the one before it: the cards state the change. Figures, not
  // rows: a nation's cards would otherwise hold 430,000 rows.
  const { state: dataState, model } = useIndicatorFigures(
    headlines,
    useMemo(() => (year === null ? [] : [year - 1, year]), [year]),
  );
  const cards = useMemo(
    () =>
      model === null || year === null || dataState !== 'ready'
        ? []
        : overviewCards(model, year, towns),
    [model, year, towns, dataState],
  );
  if (dataState === 'loading') return <OverviewPlaceholder lang={lang} year={year} />;
  if (dataState === 'failed') {
    return (
      <OverviewSection lang={lang} year={year}>
        <DataPending lang={lang} failed />
      </OverviewSection>
    );
  }
  return (
    <OverviewSection lang={lang} year={year}>
      <div className="cards">
        {cards.map((card) => {
          const unit = INDICATORS[card.indicator].unit;
          return (
            <button
              key={card.category}
              type="button"
              className={`card${card.category === category ? ' card-active' : ''}`}
              aria-pressed={card.category === category}
              data-testid={`card-${card.category}`}
              onClick={() => setCategory(card.category)}
            >
              <span className="card-category">{categoryName(lang, card.category)}</span>
              <span className="card-indicator">
                {indicatorName(lang, card.indicator)}
                {card.headline !== null &&
                  ` · ${t(lang, card.headline.method === 'sum' ? 'sumOf' : 'medianOf')}`}
              </span>
              <span className={`card-value${card.headline === null ? ' card-missing' : ''}`}>
                {card.headline === null
                  ? t(lang, 'noData')
                  : formatValue(lang, card.headline.value, card.headline.qualifier, unit)}
              </span>
              <span className="card-meta">
                {card.withReport === 0
                  ? t(lang, 'noneReporting')
                  : t(lang, 'reportingTowns', { n: card.reporting, total: card.withReport })}
              </span>
              <span className="card-meta" data-testid="card-no-report">
                {card.withReport === card.total
                  ? t(lang, 'cardAllReports')
                  : t(lang, 'cardNoReport', { n: card.total - card.withReport })}
              </span>
              <span className="card-meta">
                {card.change === null
                  ? t(lang, 'noPreviousYear')
                  : // Over the towns stating both years exactly: the totals may move otherwise.
                    t(lang, 'changeComparable', {
                      n: card.compared,
                      change: formatChange(lang, card.change),
                    })}
              </span>
            </button>
          );
        })}
      </div>
    </OverviewSection>
  );
}
