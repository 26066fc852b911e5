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
   * While the data of a new choice loads: what it says of it. What the
   * frame holds is still the previous choice's (dimmed, until the new one is drawn).
   */
  readonly updating?: string | null;
  /** Beside the title (the indicator's definition). */
  readonly info?: ReactNode;
  /** The export buttons; none when absent. */
  readonly actions?: ReactNode;
  readonly children?: ReactNode;
}) {
  return (
    <section
      className={updating === null ? 'panel ranking' : 'panel ranking updating'}
      aria-label={title}
      aria-busy={updating === null ? undefined : true}
    >
      <div className="panel-head">
        <div className="panel-title">
          <h2>{title}</h2>
          {info}
        </div>
        {actions !== undefined && <div className="panel-actions no-print">{actions}</div>}
      </div>
      {updating !== null && (
        <p className="updating-note no-print" role="status">
          {updating}
        </p>
      )}
      {children}
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
