import { t, type Lang } from '../../i18n';
import type { ChartCaption } from './captioned-image';

/** A chart's caption: its title with the unit, a line of counts, the source. */
export function chartCaption(
  lang: Lang,
  title: string,
  unit: string,
  counts: string,
): ChartCaption {
  return {
    title: unit === '' ? title : t(lang, 'captionTitle', { title, unit }),
    lines: [counts, t(lang, 'captionSource')],
  };
}
