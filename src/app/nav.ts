import type { MessageKey } from '../i18n';
import type { View } from '../store';

/** The views, in the navigation's order (the app and the page drawn before React). */
export const NAV: readonly { view: View; label: MessageKey }[] = [
  { view: 'overview', label: 'overview' },
  { view: 'compare', label: 'compare' },
  { view: 'side', label: 'sideBySide' },
  { view: 'town', label: 'townProfile' },
  { view: 'quality', label: 'quality' },
  { view: 'import', label: 'importView' },
];
