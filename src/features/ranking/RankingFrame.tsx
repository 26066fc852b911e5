import type { ReactNode } from 'react';
import { t, type Lang } from '../../i18n';

/**
 * The ranking panel's frame: its title, what sits beside it, and the export
 * actions. RankingView renders it around the ranking; the static page shell
 * (app/shell.tsx) renders it around an empty chart, with the same markup.
 */
export function RankingFrame({
  title,
  updating = null,
  info,
  actions,
  children,
}: {
  readonly title: string;
  /**
   * What the panel says while the file of a newly chosen indicator or year
   * loads (null when none does): what it holds is still the previous
   * choice's ranking, which cannot be used meanwhile (a bar, a table cell or
   * an export would act on the previous indicator).
   */
  readonly updating?: string | null;
  /** Beside the title (the indicator's definition). */
  readonly info?: ReactNode;
  /** The export buttons; none when absent. */
  readonly actions?: ReactNode;
  readonly children?: ReactNode;
}) {
  const busy = updating !== null;
  return (
    <section className="panel ranking" aria-label={title}>
      <div className="panel-head">
        <div className="panel-title">
          <h2>{title}</h2>
          {info}
        </div>
        {actions !== undefined && (
          <div className="panel-actions no-print" inert={busy}>
            {actions}
          </div>
        )}
      </div>
      {/* Always there, empty when idle: a live region is announced when its text changes. */}
      <p className="updating-note" role="status">
        {updating}
      </p>
      <div className="ranking-body" aria-busy={busy ? true : undefined} inert={busy}>
        {children}
      </div>
    </section>
  );
}

/** Above a drawn ranking: how to use it, and its notes (rankingNotes). */
export function RankingIntro({
  lang,
  notes,
}: {
  readonly lang: Lang;
  readonly notes: readonly string[];
}) {
  return (
    <>
      <p className="hint">{t(lang, 'clickHint')}</p>
      {notes.map((note) => (
        <p key={note} className="note">
          {note}
        </p>
      ))}
    </>
  );
}
