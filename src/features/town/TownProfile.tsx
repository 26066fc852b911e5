/**
 * One town: every indicator across its years with the change from the year
 * before, its rank among the selected towns, its reports with their full
 * text, and the indicators its reports never mention (what to ask it about).
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DataPending } from '../../components/DataPending';
import { EmptyState } from '../../components/EmptyState';
import { IndicatorInfo } from '../../components/IndicatorInfo';
import { INFERRED, placeOf } from '../../components/place';
import { rowText, valueFlag } from '../../components/value-text';
import {
  countyKeyOf,
  groupByCounty,
  isImportedTownYear,
  townIdOf,
  withLocalRows,
  type CountyData,
  type ReportInfo,
} from '../../dataset/model';
import { MIN_RANKED, missingOf, rankTowns } from '../../dataset/select';
import { townProfile } from '../../dataset/compare';
import type { ExportItem } from '../../dataset/model';
import { MissingBadge } from '../../components/MissingBadge';
import { ExportCsv } from '../../components/ExportCsv';
import { exportQuotes, importedText } from '../../store/quotes';
import { formatChange, indicatorName, t } from '../../i18n';
import { yearItem } from '../../dataset/items';
import { sourceOf, useAppStore } from '../../store';
import { useCountyData, useIndicatorData, useSelectedTowns } from '../../store/hooks';
import { usePrintScope } from '../../store/print-scope';

const NO_COUNTY: CountyData = { values: [], reports: [] };

export function TownProfile() {
  const {
    all,
    townById,
    counties,
    local,
    profileTown,
    lang,
    showTown,
    openSource,
    openFullText,
    imported,
  } = useAppStore(
    useShallow((s) => ({
      all: s.model?.towns,
      townById: s.model?.townById,
      counties: s.model?.counties,
      local: s.model?.local ?? null,
      imported: s.imported,
      profileTown: s.profileTown,
      lang: s.lang,
      showTown: s.showTown,
      openSource: s.openSource,
      openFullText: s.openFullText,
    })),
  );
  const selected = useSelectedTowns();
  const town =
    all === undefined
      ? undefined
      : ((profileTown === null ? undefined : townById?.get(profileTown)) ?? selected[0] ?? all[0]);
  // The town's own values and reports come in its county's files: a few
  // hundred kilobytes at province scale, not every indicator file.
  const key = town === undefined ? null : countyKeyOf(town);
  // A town only imported in this browser has no published county files.
  const published = key !== null && counties?.has(key) === true;
  const { state: countyState, data: loadedCounty } = useCountyData(published ? key : null);
  const county = published ? loadedCounty : key === null ? null : NO_COUNTY;
  const profile = useMemo(() => {
    if (county === null || town === undefined) return null;
    // A year imported here is the import's alone (the published report of it is replaced).
    return townProfile(withLocalRows(county.values, local), town);
  }, [county, town, local]);
  const lastYear = profile?.years[profile.years.length - 1];
  // Ranks need every selected town's value in the latest year: one file per
  // indicator the town states, for that year only.
  const { state: rankState, model: rankModel } = useIndicatorData(
    useMemo(() => profile?.rows.map((r) => r.indicator) ?? [], [profile]),
    useMemo(() => (lastYear === undefined ? [] : [lastYear]), [lastYear]),
  );
  const groups = useMemo(() => groupByCounty(all ?? [], countyKeyOf), [all]);
  // Printed above it: this town, every year of its reports.
  usePrintScope(
    useMemo(
      () =>
        town === undefined || profile === null || county === null
          ? null
          : ({
              view: 'townProfile',
              towns: [town],
              period: { kind: 'years', years: profile.years },
              reports: county.reports,
            } as const),
      [town, profile, county],
    ),
  );
  if (all === undefined) return null;
  if (county === null || town === undefined) {
    return <DataPending lang={lang} failed={countyState === 'failed'} />;
  }
  if (profile === null) return <EmptyState title={t(lang, 'noData')} />;
  // Its published reports and those imported in this browser, by year.
  const reports = [
    ...county.reports
      // A published report an import replaces (its town and year) is listed as the import.
      .filter((r) => r.townId === town.id && !isImportedTownYear(local, r.townId, r.year))
      .map((r) => ({ reportId: r.reportId, year: r.year, title: r.title, local: null })),
    ...imported
      .filter(
        (r) =>
          r.metadata.town !== '' && townIdOf({ ...r.metadata, reportId: r.reportId }) === town.id,
      )
      .map((r) => ({
        reportId: r.reportId,
        year: r.metadata.year,
        title: r.metadata.title,
        local: r,
      })),
  ].sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
  // Where the town lies, as its published report of the latest year places it
  // (names filled from the registry marked).
  const latest = county.reports
    .filter((r) => r.townId === town.id)
    .reduce<ReportInfo | null>(
      (a, r) => (a === null || (r.year ?? 0) > (a.year ?? 0) ? r : a),
      null,
    );
  const place = placeOf(latest ?? { ...town, inferred: [] });
  /** The town's place among the selected towns in the latest year; null until the ranks are loaded. */
  const standingOf = (indicator: (typeof profile.rows)[number]['indicator']) => {
    if (lastYear === undefined || rankState !== 'ready' || rankModel === null) return null;
    const ranking = rankTowns(
      rankModel,
      indicator,
      lastYear,
      selected.some((s) => s.id === town.id) ? selected : [town, ...selected],
    );
    const mine = ranking.reported.find((r) => r.town.id === town.id);
    return {
      rank: mine?.rank ?? null,
      percentile: mine?.percentile ?? null,
      of: ranking.reported.length,
    };
  };
  const rankOf = (indicator: (typeof profile.rows)[number]['indicator']): string => {
    if (lastYear === undefined) return '—';
    const standing = standingOf(indicator);
    if (standing === null) return t(lang, 'loadingShort');
    return standing.rank === null ? '—' : `${standing.rank}/${standing.of}`;
  };
  // As shown: each year's figure with its change, the latest year's with its rank.
  const items = (): ExportItem[] =>
    profile.rows.flatMap((r) => {
      const standing = standingOf(r.indicator);
      return profile.years.map((year, i) => ({
        ...yearItem(town, year, r.indicator, r.values[i] ?? null),
        change: r.changes[i] ?? null,
        ...(year === lastYear && standing !== null
          ? { rank: standing.rank, percentile: standing.percentile }
          : {}),
      }));
    });
  return (
    <section className="panel town" data-testid="town-profile" aria-label={t(lang, 'townProfile')}>
      <div className="panel-head">
        <h2>
          {t(lang, 'townProfile')} · {town.name}
          <span className="th-meta"> {place}</span>
        </h2>
        <div className="panel-actions no-print">
          <label>
            <span className="filter-label">{t(lang, 'chooseTown')}</span>{' '}
            <select
              value={town.id}
              onChange={(e) => showTown(e.target.value)}
              data-testid="town-select"
            >
              {[...groups].map(([key, list]) => (
                <optgroup key={key} label={key.split('/').filter(Boolean).join(' · ') || '—'}>
                  {list.map((t2) => (
                    <option key={t2.id} value={t2.id}>
                      {t2.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </label>
          <ExportCsv
            lang={lang}
            quotesOf={exportQuotes}
            textOf={importedText}
            fileName={`town-${town.name}.csv`}
            items={items}
          />
        </div>
      </div>
      {(latest?.inferred.length ?? 0) > 0 && (
        <p className="hint print-too">{t(lang, 'inferredPlace', { mark: INFERRED })}</p>
      )}
      <h3>{t(lang, 'profileYears')}</h3>
      {profile.rows.length === 0 ? (
        <EmptyState title={t(lang, 'noData')} />
      ) : (
        <div className="matrix-scroll">
          <table className="profile">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'indicator')}</th>
                {profile.years.map((y) => (
                  <th key={y} scope="col">
                    {y}
                  </th>
                ))}
                {lastYear !== undefined && (
                  <th scope="col">{t(lang, 'rankInYear', { year: lastYear })}</th>
                )}
              </tr>
            </thead>
            <tbody>
              {profile.rows.map((r) => (
                <tr key={r.indicator}>
                  <th scope="row">
                    {indicatorName(lang, r.indicator)}{' '}
                    <IndicatorInfo lang={lang} indicator={r.indicator} />
                  </th>
                  {r.values.map((v, i) => (
                    <td key={profile.years[i]}>
                      {v === null ? (
                        <MissingBadge
                          lang={lang}
                          kind={missingOf(town, profile.years[i] ?? null)}
                        />
                      ) : (
                        <button
                          type="button"
                          className="cell-link"
                          onClick={() => openSource(sourceOf(v))}
                        >
                          {rowText(lang, v)}
                          {valueFlag(v)}
                        </button>
                      )}
                      {r.changes[i] != null && (
                        <span className="th-meta">
                          {' '}
                          {t(lang, 'change')} {formatChange(lang, r.changes[i] ?? 0)}
                        </span>
                      )}
                    </td>
                  ))}
                  {lastYear !== undefined && <td>{rankOf(r.indicator)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
          {lastYear !== undefined && (
            <p className="hint print-too">{t(lang, 'rankHint', { min: MIN_RANKED })}</p>
          )}
        </div>
      )}
      <h3>{t(lang, 'reports')}</h3>
      <ul className="report-list">
        {reports.map((r) => (
          <li key={r.reportId}>
            {r.year ?? '—'} · {r.title || r.reportId} ·{' '}
            {/* In the app's own reader: a raw file is not the app, and a server may garble it. */}
            <button
              type="button"
              className="cell-link"
              data-testid="open-full-text"
              onClick={() =>
                openFullText(
                  r.local === null
                    ? { reportId: r.reportId, town: town.id }
                    : { reportId: r.reportId },
                )
              }
            >
              {t(lang, 'openText')}
            </button>
            {r.local !== null && <span className="th-meta"> {t(lang, 'localReport')}</span>}
          </li>
        ))}
      </ul>
      <h3>{t(lang, 'neverStated')}</h3>
      {profile.neverStated.length === 0 ? (
        <p>{t(lang, 'allStated')}</p>
      ) : (
        <ul className="never-stated">
          {profile.neverStated.map((id) => (
            <li key={id}>{indicatorName(lang, id)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
