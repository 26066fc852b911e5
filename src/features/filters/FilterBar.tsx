/**
 * The filters: year, category, indicator and towns (grouped by province and
 * county). All of it lives in the store and so in the URL. On a phone the
 * bar is one line saying what is chosen; it opens the filters as a sheet
 * over the page (styles.css decides the width, this file only the state).
 *
 * May import: src/store, src/dataset, src/i18n, src/catalog, src/components.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { CATEGORY_IDS, INDICATORS, INDICATOR_IDS, type IndicatorId } from '../../catalog';
import { categoryName, indicatorName, t } from '../../i18n';
import { useAppStore } from '../../store';

import { firstRows, groupTowns, PICKER_ROWS, searchGroups } from './town-groups';

/** Up to this many groups are listed open; more (a province) start folded. */
const OPEN_GROUPS = 8;

function TownPicker() {
  const { published, towns, lang, setTowns } = useAppStore(
    useShallow((s) => ({
      published: s.model?.towns,
      towns: s.towns,
      lang: s.lang,
      setTowns: s.setTowns,
    })),
  );
  const all = useMemo(() => published ?? [], [published]);
  const [open, setOpen] = useState(false);
  // Grouped (and sorted) once it is first opened, kept while the towns stay.
  const [used, setUsed] = useState(false);
  if (open && !used) setUsed(true);
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState(PICKER_ROWS);
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(new Set());
  const groups = useMemo(() => (used ? groupTowns(all) : []), [all, used]);
  const shown = useMemo(() => searchGroups(groups, query), [groups, query]);
  const matches = useMemo(() => shown.flatMap((g) => g.towns.map((t) => t.id)), [shown]);
  const selected = useMemo(() => new Set(towns ?? all.map((t) => t.id)), [towns, all]);
  const set = (ids: Set<string>): void => {
    setTowns(ids.size === all.length ? null : all.filter((t) => ids.has(t.id)).map((t) => t.id));
  };
  const toggle = (ids: readonly string[], on: boolean): void => {
    const next = new Set(selected);
    for (const id of ids) {
      if (on) next.add(id);
      else next.delete(id);
    }
    set(next);
  };
  const searching = query.trim() !== '';
  // A few groups, or search results: open. A province's hundred counties: folded.
  const isOpen = (key: string): boolean =>
    searching || groups.length <= OPEN_GROUPS || unfolded.has(key);
  const fold = (key: string, on: boolean): void => {
    const next = new Set(unfolded);
    if (on) next.add(key);
    else next.delete(key);
    setUnfolded(next);
  };
  const listed = firstRows(shown, isOpen, rows);
  const summary =
    towns === null ? t(lang, 'allTowns') : t(lang, 'townsSelected', { n: selected.size });
  return (
    <details
      className="town-picker"
      data-testid="filter-towns"
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        <span className="filter-label">{t(lang, 'towns')}</span> {summary}
      </summary>
      {/* Built only when opened: a province has thousands of towns. */}
      {open && (
        <div className="town-picker-body">
          <input
            type="search"
            className="town-search"
            data-testid="town-search"
            value={query}
            placeholder={t(lang, 'townSearch')}
            aria-label={t(lang, 'townSearch')}
            onChange={(e) => {
              setQuery(e.target.value);
              setRows(PICKER_ROWS);
            }}
          />
          <div className="town-picker-actions">
            {searching ? (
              <>
                <span className="town-matches">
                  {t(lang, 'townMatches', { n: matches.length })}
                </span>
                <button
                  type="button"
                  disabled={matches.length === 0}
                  onClick={() => set(new Set(matches))}
                >
                  {t(lang, 'selectOnlyMatches')}
                </button>
                <button
                  type="button"
                  disabled={matches.length === 0}
                  onClick={() => toggle(matches, true)}
                >
                  {t(lang, 'addMatches')}
                </button>
              </>
            ) : (
              <>
                <button type="button" onClick={() => setTowns(null)}>
                  {t(lang, 'selectAll')}
                </button>
                <button type="button" onClick={() => setTowns([])}>
                  {t(lang, 'selectNone')}
                </button>
              </>
            )}
          </div>
          {searching && matches.length === 0 && <p className="hint">{t(lang, 'noTownMatch')}</p>}
          {listed.listed.map(({ group, towns: listedTowns }) => {
            // The heading's box and count stand for all the group's towns, listed or not.
            const ids = group.towns.map((t) => t.id);
            const on = ids.filter((id) => selected.has(id)).length;
            const groupOpen = isOpen(group.key);
            return (
              <fieldset key={group.key} className="town-group">
                <legend>
                  <label>
                    <input
                      type="checkbox"
                      checked={on === ids.length}
                      ref={(el) => {
                        if (el !== null) el.indeterminate = on > 0 && on < ids.length;
                      }}
                      onChange={(e) => toggle(ids, e.target.checked)}
                    />{' '}
                    {group.label}
                  </label>{' '}
                  <span className="town-count">
                    {on}/{ids.length}
                  </span>
                  {!searching && groups.length > OPEN_GROUPS && (
                    <button
                      type="button"
                      className="town-fold"
                      aria-expanded={groupOpen}
                      aria-label={`${group.label} ${t(lang, groupOpen ? 'fold' : 'unfold')}`}
                      onClick={() => fold(group.key, !groupOpen)}
                    >
                      {groupOpen ? '▾' : '▸'}
                    </button>
                  )}
                </legend>
                {groupOpen &&
                  listedTowns.map((town) => (
                    <label key={town.id} className="town-option">
                      <input
                        type="checkbox"
                        checked={selected.has(town.id)}
                        onChange={(e) => toggle([town.id], e.target.checked)}
                      />{' '}
                      {town.name}
                    </label>
                  ))}
              </fieldset>
            );
          })}
          {listed.hidden > 0 && (
            <p className="town-more">
              {t(lang, 'moreTowns', { n: listed.hidden })}{' '}
              <button type="button" onClick={() => setRows(rows + PICKER_ROWS)}>
                {t(lang, 'showMore')}
              </button>
            </p>
          )}
        </div>
      )}
    </details>
  );
}

/** One of the bar's selects with its label; `unused` (why) disables it where the view ignores it. */
function Choice({
  label,
  testId,
  value,
  unused,
  onChange,
  children,
}: {
  label: string;
  testId: string;
  value: string | number;
  unused: string | null;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <label>
      <span className="filter-label">{label}</span>
      <select
        data-testid={testId}
        value={value}
        disabled={unused !== null}
        title={unused ?? undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        {children}
      </select>
    </label>
  );
}

const NO_INDICATORS: ReadonlySet<IndicatorId> = new Set();

export function FilterBar() {
  const {
    modelYears,
    withData,
    year,
    category,
    indicator,
    lang,
    setYear,
    setCategory,
    setIndicator,
  } = useAppStore(
    useShallow((s) => ({
      modelYears: s.model?.years,
      withData: s.model?.indicatorsWithData ?? NO_INDICATORS,
      year: s.year,
      category: s.category,
      indicator: s.indicator,
      lang: s.lang,
      setYear: s.setYear,
      setCategory: s.setCategory,
      setIndicator: s.setIndicator,
    })),
  );
  // The profile lists every year, and latest-report comparisons take each town's own.
  const yearUnused = useAppStore(
    (s) =>
      s.view === 'town' || ((s.view === 'compare' || s.view === 'side') && s.yearMode === 'latest'),
  );
  // The brief shows every category.
  const indicatorUnused = useAppStore((s) => s.view === 'brief');
  const years = modelYears === undefined ? [] : [...modelYears].reverse();
  const towns = useAppStore((s) => s.towns);
  // The sheet (a phone): open, it keeps the focus until closed (the page
  // behind it is covered), Escape closes it, and so does a screen grown past
  // a phone's (where the bar shows the filters itself).
  const [sheet, setSheet] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const controls = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!sheet) return;
    const box = controls.current;
    const line = opener.current;
    box?.querySelector<HTMLElement>('select:not(:disabled)')?.focus();
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setSheet(false);
    };
    const onFocus = (e: FocusEvent): void => {
      if (box !== null && e.target instanceof Node && !box.contains(e.target)) {
        box.querySelector<HTMLElement>('select:not(:disabled), button')?.focus();
      }
    };
    // The line that opens the sheet shows only where the sheet is used (styles.css).
    const onWidth = (): void => {
      if (line !== null && getComputedStyle(line).display === 'none') setSheet(false);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('focusin', onFocus);
    window.addEventListener('resize', onWidth);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('focusin', onFocus);
      window.removeEventListener('resize', onWidth);
      // Closed (Done, Escape): the focus goes back to the line that opened it.
      const focused = document.activeElement;
      if (focused === null || focused === document.body || box?.contains(focused) === true) {
        line?.focus();
      }
    };
  }, [sheet]);
  const close = (): void => setSheet(false);
  return (
    <div className={`filter-bar${sheet ? ' filter-sheet-open' : ''}`} role="search">
      <button
        ref={opener}
        type="button"
        className="filter-summary"
        data-testid="filter-sheet-open"
        aria-expanded={sheet}
        aria-controls="filter-sheet"
        onClick={() => setSheet(true)}
      >
        <span className="filter-label">{t(lang, 'filters')}</span>{' '}
        {[
          yearUnused || year === null ? null : year,
          indicatorUnused ? null : indicatorName(lang, indicator),
          towns === null ? t(lang, 'allTowns') : t(lang, 'townsSelected', { n: towns.length }),
        ]
          .filter((part) => part !== null)
          .join(' · ')}
      </button>
      <div
        ref={controls}
        id="filter-sheet"
        className="filter-controls"
        data-testid="filter-sheet"
        {...(sheet ? { role: 'dialog', 'aria-modal': true, 'aria-label': t(lang, 'filters') } : {})}
      >
        <div className="filter-sheet-head">
          <strong>{t(lang, 'filters')}</strong>
          <button type="button" data-testid="filter-sheet-close" onClick={close}>
            {t(lang, 'done')}
          </button>
        </div>
        <Choice
          label={t(lang, 'year')}
          testId="filter-year"
          value={year ?? ''}
          unused={yearUnused ? t(lang, 'yearUnused') : null}
          onChange={(v) => setYear(Number(v))}
        >
          {year !== null && !years.includes(year) && <option value={year}>{year}</option>}
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Choice>
        <Choice
          label={t(lang, 'category')}
          testId="filter-category"
          value={category}
          unused={indicatorUnused ? t(lang, 'indicatorUnused') : null}
          onChange={(v) => setCategory(v as typeof category)}
        >
          {CATEGORY_IDS.map((c) => (
            <option key={c} value={c}>
              {categoryName(lang, c)}
            </option>
          ))}
        </Choice>
        <Choice
          label={t(lang, 'indicator')}
          testId="filter-indicator"
          value={indicator}
          unused={indicatorUnused ? t(lang, 'indicatorUnused') : null}
          onChange={(v) => setIndicator(v as IndicatorId)}
        >
          {CATEGORY_IDS.map((c) => (
            <optgroup key={c} label={categoryName(lang, c)}>
              {INDICATOR_IDS.filter((id) => INDICATORS[id].category === c).map((id) => (
                <option key={id} value={id}>
                  {indicatorName(lang, id)}
                  {withData.has(id) ? '' : ` (${t(lang, 'noData')})`}
                </option>
              ))}
            </optgroup>
          ))}
        </Choice>
        <TownPicker />
      </div>
    </div>
  );
}
