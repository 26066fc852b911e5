import type { Missing } from '../dataset/model';
import { t, type Lang } from '../i18n';

/** Why a figure is missing, in its own look: 无本年度报告 or 报告未提及. */
export function MissingBadge({ lang, kind }: { readonly lang: Lang; readonly kind: Missing }) {
  return (
    <span className={`badge missing-${kind}`} data-missing={kind}>
      {t(lang, kind)}
    </span>
  );
}

/** A table cell without a figure: the same two looks across a whole cell. */
export function MissingCell({ lang, kind }: { readonly lang: Lang; readonly kind: Missing }) {
  return (
    <td className={`cell-missing missing-${kind}`} data-missing={kind}>
      {t(lang, kind)}
    </td>
  );
}
