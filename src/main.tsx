import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { fetchIndex } from './dataset/fetch';
import { indicatorsState, startUrlSync, useAppStore } from './store';
import './styles.css';

startUrlSync();
// The index download starts now; the data layer (PapaParse, schemas) is its
// own chunk. Once the index is read, the indicator on screen is requested at
// once, before React has rendered anything.
const fetched = fetchIndex();
void import('./dataset/load')
  .then((m) => m.loadIndex(fetched))
  .then((loaded) => {
    const store = useAppStore.getState();
    store.setData(loaded.model, loaded.errors);
    const { view, indicator, year } = useAppStore.getState();
    if (view === 'overview' && year !== null) store.requestIndicators([indicator], [year]);
  })
  .catch((error: unknown) =>
    useAppStore
      .getState()
      .setData(null, [
        { file: 'data', message: error instanceof Error ? error.message : String(error) },
      ]),
  );

function render(): void {
  const root = document.getElementById('root');
  if (root === null) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// index.html paints a static shell at once. React renders when the first
// view's data is there (one render instead of two before the first chart), or
// after a second on a slow network, to show the page while data is coming.
let rendered = false;
const renderOnce = (): void => {
  if (rendered) return;
  rendered = true;
  render();
};
const stop = useAppStore.subscribe((s) => {
  const settled =
    s.status === 'failed' ||
    (s.model !== null &&
      (s.view !== 'overview' ||
        indicatorsState(s, [s.indicator], s.year === null ? [] : [s.year]) !== 'loading'));
  if (settled) {
    stop();
    renderOnce();
  }
});
setTimeout(renderOnce, 1000);
