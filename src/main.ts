/**
 * The entry: no React here. It reads the URL, requests the data index and the
 * indicator on screen, draws the overview's first chart without React
 * (app/early-chart.ts), and only then loads React, whose first render takes
 * that chart over. On a slow network React comes after a second at most, to
 * show the page while the data is coming.
 */
import { fetchIndex } from './dataset/fetch';
import { startUrlSync, useAppStore } from './store';
import './styles.css';

startUrlSync();
// The page's language from the link at once: the page drawn before React is in it.
document.documentElement.lang = useAppStore.getState().lang === 'zh' ? 'zh-CN' : 'en';
// The index download starts now; the data layer (PapaParse, schemas) is its
// own chunk. Once the index is read, the indicator on screen is requested at
// once.
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

let reactStarted = false;
let chartStarted = false;
const startReact = (): void => {
  if (reactStarted) return;
  reactStarted = true;
  void import('./app/mount').then((m) => m.mount());
};
void import('./app/early-chart')
  .then((m) =>
    m.drawEarlyChart(
      () => reactStarted,
      () => {
        chartStarted = true;
      },
    ),
  )
  .catch((error: unknown) => console.error(error))
  .finally(startReact);
// Data slow to come: the page (with its loading state) need not wait for it.
setTimeout(() => {
  if (!chartStarted) startReact();
}, 1000);
