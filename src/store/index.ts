/**
 * One Zustand store made of slices, each in its file with its actions beside
 * its state: the filters (filters-slice.ts, mirrored in the URL hash by
 * url.ts), the source panel (source-slice.ts), the loaded data
 * (data-slice.ts), printing (print-slice.ts) and the importer's workspace
 * (import-slice.ts). The views are listed once in views.ts.
 *
 * May import: src/catalog, src/i18n, src/dataset.
 */
import { create } from 'zustand';
import { createDataSlice, type DataSlice } from './data-slice';
import { createFiltersSlice, type FiltersSlice } from './filters-slice';
import { createImportSlice, showImportsInModel, type ImportSlice } from './import-slice';
import { createPrintSlice, type PrintSlice } from './print-slice';
import { createSourceSlice, type SourceSlice } from './source-slice';
import { parseUrlState, serializeUrlState, urlStateOf } from './url';

export type { LoadState } from './data-slice';
export {
  figuresState,
  dataFilesLoading,
  indicatorsState,
  selectIndicatorModel,
} from './data-slice';
export type { FullTextRef, SourceRef, UrlState, View, YearMode } from './url';
export {
  DEFAULT_URL_STATE,
  URL_FIELDS,
  URL_STATE_KEYS,
  parseUrlState,
  serializeUrlState,
  sourceOf,
  urlStateOf,
} from './url';
export { VIEW_REGISTRY, VIEWS } from './views';

export type AppState = FiltersSlice & SourceSlice & DataSlice & PrintSlice & ImportSlice;

export const useAppStore = create<AppState>()((set, get, api) => ({
  ...createFiltersSlice(set, get, api),
  ...createSourceSlice(set, get, api),
  ...createDataSlice(set, get, api),
  ...createPrintSlice(set, get, api),
  ...createImportSlice(set, get),
}));

showImportsInModel(useAppStore);

/**
 * Keeps the hash and the store in step: a filter change pushes a history
 * entry (so Back and Forward work); a hash change (Back, Forward, a pasted
 * link) sets the filters.
 */
export function startUrlSync(win: Window = window): () => void {
  const initial = parseUrlState(win.location.hash);
  useAppStore.getState().applyUrl(initial);
  let applying = false;
  const onHash = (): void => {
    applying = true;
    useAppStore.getState().applyUrl(parseUrlState(win.location.hash));
    applying = false;
  };
  win.addEventListener('hashchange', onHash);
  const unsubscribe = useAppStore.subscribe((state, previous) => {
    if (applying) return;
    const next = serializeUrlState(urlStateOf(state));
    if (next === serializeUrlState(urlStateOf(previous))) return;
    if (win.location.hash === next) return;
    // The first year default is not a user step, nor is scrolling a
    // ranking (a history entry per slider move): replace, don't push.
    const scrolled =
      serializeUrlState({ ...urlStateOf(previous), rankStart: state.rankStart }) === next;
    if (
      scrolled ||
      (previous.year === null && state.year !== null && previous.status === 'loading')
    ) {
      win.history.replaceState(null, '', next);
    } else {
      win.history.pushState(null, '', next);
    }
  });
  return () => {
    win.removeEventListener('hashchange', onHash);
    unsubscribe();
  };
}
