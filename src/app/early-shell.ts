/**
 * The page shell before React (see shell-ids.ts): the entry shows the one
 * the link asks for and makes its buttons work; the page drawn before React
 * takes the overview's. No React here, and no markup of its own: the shells
 * are the app's components rendered at build time.
 *
 * May import: store, i18n types, app/nav, app/nav-state, app/shell-ids,
 * components/chart/handoff.
 */
import { ECHARTS_HOST } from '../components/chart/handoff';
import type { Lang } from '../i18n';
import { useAppStore, type View } from '../store';
import { NAV } from './nav';
import { HEADER_BUTTON, navButtonState, navTestId } from './nav-state';
import { PAINTED_SHELL, shellTemplateId, type ShellKind } from './shell-ids';

/** A copy of a shell kept in index.html; null if the page has none (a page not built by Vite). */
export function shellCopy(kind: ShellKind, lang: Lang): DocumentFragment | null {
  const template = document.getElementById(shellTemplateId(kind, lang));
  return template instanceof HTMLTemplateElement
    ? (template.content.cloneNode(true) as DocumentFragment)
    : null;
}

/** Marks the view on screen in the shell's navigation, as Navigation does. */
export function markView(root: ParentNode, view: View): void {
  for (const item of NAV) {
    const button = root.querySelector(`[data-testid="${navTestId(item.view)}"]`);
    if (button === null) continue;
    const state = navButtonState(item.view === view);
    button.className = state.className;
    if (state['aria-current'] === undefined) button.removeAttribute('aria-current');
    else button.setAttribute('aria-current', state['aria-current']);
  }
}

/**
 * The loading page in the link's language, its navigation on the link's
 * view. Runs first thing in the entry, usually before the first paint (the
 * painted shell is in Chinese, on the overview).
 */
export function showLoadingShell(root: HTMLElement): void {
  const { lang, view } = useAppStore.getState();
  if (lang !== PAINTED_SHELL.lang) {
    const copy = shellCopy('loading', lang);
    if (copy !== null) root.replaceChildren(copy);
  }
  markView(root, view);
}

/**
 * The shell's buttons before React: language, print and the views change the
 * store, and React renders what they chose (print opens once React has drawn
 * the charts). Export buttons wait for React. Returns the function that
 * stops this: React's own handlers take over.
 */
export function answerShellClicks(root: HTMLElement): () => void {
  const onClick = (event: MouseEvent): void => {
    const target = event.target instanceof Element ? event.target.closest('button') : null;
    const id = target?.dataset['testid'];
    if (id === undefined) return;
    const store = useAppStore.getState();
    if (id === HEADER_BUTTON.lang) store.setLang(store.lang === 'zh' ? 'en' : 'zh');
    else if (id === HEADER_BUTTON.print) store.setPrinting(true);
    else {
      const item = NAV.find((n) => navTestId(n.view) === id);
      if (item !== undefined) store.setView(item.view);
    }
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

/** What the overview's shell says of its ranking chart: the title, notes and the chart's height. */
export interface ShellRanking {
  readonly title: string;
  readonly notes: readonly string[];
  readonly height: number;
}

/**
 * The overview's shell filled in for a year and its ranking chart: the year
 * in its heading and the ranking (fillRanking). Returns the element to draw
 * the chart in; null if the page carries no shell (then React draws it).
 */
export function fillOverviewShell(
  page: ParentNode,
  year: number,
  ranking: ShellRanking,
): HTMLElement | null {
  const heading = page.querySelector('.overview h2');
  const host = heading == null ? null : fillRanking(page, ranking);
  // The overview's heading ends with the year, which the build did not know.
  heading?.append(String(year));
  return host;
}

/**
 * The ranking's title, note and chart size in the overview's shell, as text.
 * Returns the element to draw the chart in; null if there is none.
 */
export function fillRanking(page: ParentNode, ranking: ShellRanking): HTMLElement | null {
  const panel = page.querySelector('.panel.ranking');
  const title = panel?.querySelector('h2');
  const chart = panel?.querySelector('.chart');
  const host = chart?.querySelector(`.${ECHARTS_HOST}`);
  const note = panel?.querySelector('.note');
  if (panel == null || title == null || chart == null || !(host instanceof HTMLElement)) {
    return null;
  }
  title.textContent = ranking.title;
  panel.setAttribute('aria-label', ranking.title);
  chart.setAttribute('aria-label', ranking.title);
  // The shell holds one note: a ranking has at most one.
  const [text] = ranking.notes;
  if (text === undefined) note?.remove();
  else if (note != null) note.textContent = text;
  // Sizes through the CSSOM: a style attribute is inline style, which the
  // site's Content-Security-Policy (src/csp.ts) blocks.
  host.style.height = `${ranking.height}px`;
  host.style.width = '100%';
  return host;
}
