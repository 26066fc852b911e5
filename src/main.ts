/**
 * The entry: no React here. It reads the URL, requests the data index and the
 * indicator on screen, draws the overview's first chart without React
 * (app/early-chart.ts), and only then loads React, whose first render takes
 * that chart over. On a slow network React comes after a second, to show the
 * page while the data is coming; after three seconds without a chart, in any
 * case.
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
    useAppStore.getState().setData(null, [
      {
        file: 'data',
        severity: 'error',
        message: error instanceof Error ? error.message : String(error),
      },
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
// A slow network: React shows the page and its loading states meanwhile. A
// slow PC is no reason (React would only come between the data and the
// chart), so the first second waits for the index's download alone.
let indexArrived = false;
void fetched.then(() => {
  indexArrived = true;
});
setTimeout(() => {
  if (!chartStarted && !indexArrived) startReact();
}, 1000);
setTimeout(() => {
  if (!chartStarted) startReact();
}, 3000);
