/**
 * The entry: no React here. It reads the URL, shows the page shell the link
 * asks for (its buttons answer at once), requests the data index and the
 * indicator on screen, and starts the first chart (as an image the data
 * folder carries, then live) and React in the order
 * components/chart/first-chart.ts decides.
 */
import { startFirstChart } from './components/chart/first-chart';
import { answerShellClicks, showLoadingShell } from './app/early-shell';
import { showFirstChartImage } from './app/first-chart-image';
import { preloadLazyChunks } from './app/lazy-chunks';
import { fetchIndex } from './dataset/fetch';
import { startUrlSync, useAppStore } from './store';
import './styles.css';

startUrlSync();
// The page's language from the link at once: the page drawn before React is in it.
document.documentElement.lang = useAppStore.getState().lang === 'zh' ? 'zh-CN' : 'en';
const root = document.getElementById('root');
const stopShellClicks = root === null ? () => undefined : answerShellClicks(root);
if (root !== null) showLoadingShell(root);
// The index download starts now; the data layer (PapaParse, schemas) is its
// own chunk, loaded when first-chart.ts says. Once the index is read, the
// indicator on screen is requested at once. Nothing keeps the index's text
// once it is read (a nation's is 9 MB).
let indexFetch: ReturnType<typeof fetchIndex> | null = fetchIndex();
const indexArrived = indexFetch.then(() => undefined);
function loadData(): void {
  const fetched = indexFetch ?? fetchIndex();
  indexFetch = null;
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
}

startFirstChart({
  showImage: (drawn) => (root === null ? Promise.resolve(false) : showFirstChartImage(root, drawn)),
  loadData,
  preloadChartCode: preloadLazyChunks,
  indexArrived,
  drawEarly: (reactStarted, drawing) =>
    import('./app/early-chart').then((m) => m.drawEarlyChart(reactStarted, drawing)),
  // React's handlers replace the shell's as it renders.
  startReact: () => void import('./app/mount').then((m) => m.mount(stopShellClicks)),
});
