import type { MessageKey } from '../i18n';
import { VIEW_REGISTRY, type View } from '../store';

/** The views, in the navigation's order (the app and the page drawn before React): the store's registry. */
export const NAV: readonly { view: View; label: MessageKey }[] = VIEW_REGISTRY;
