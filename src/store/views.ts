/**
 * The views, once: their order is the navigation's, their id is the value of
 * `v=` in the link, their label a message of src/i18n. `View`, the URL's
 * parser and the navigation (src/app/nav.ts) all derive from this list.
 */
import type { MessageKey } from '../i18n';

export const VIEW_REGISTRY = [
  { view: 'overview', label: 'overview' },
  { view: 'brief', label: 'brief' },
  { view: 'compare', label: 'compare' },
  { view: 'side', label: 'sideBySide' },
  { view: 'town', label: 'townProfile' },
  { view: 'quality', label: 'quality' },
  { view: 'import', label: 'importView' },
] as const satisfies readonly { view: string; label: MessageKey }[];

export type View = (typeof VIEW_REGISTRY)[number]['view'];

export const VIEWS: readonly View[] = VIEW_REGISTRY.map((entry) => entry.view);

export function isView(value: string): value is View {
  return (VIEWS as readonly string[]).includes(value);
}
