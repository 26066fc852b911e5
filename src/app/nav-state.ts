/**
 * The header's and the navigation's buttons as the page shell before React
 * reads them: their test ids, and how the view on screen is marked. frame.tsx
 * renders them; early-shell.ts answers their clicks before React. No React
 * here: the entry uses it.
 */
export function navButtonState(current: boolean): {
  readonly className: string;
  readonly 'aria-current': 'page' | undefined;
} {
  return { className: current ? 'nav-active' : '', 'aria-current': current ? 'page' : undefined };
}

/** The header's buttons' test ids (the shell's click handling reads them too). */
export const HEADER_BUTTON = { print: 'print', lang: 'lang-switch' } as const;

/** The test id of a view's navigation button (which the shell's click handling reads). */
export const navTestId = (view: string): string => `nav-${view}`;
