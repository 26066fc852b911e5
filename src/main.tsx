import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { fetchInitialData } from './dataset/fetch';
import { startUrlSync, useAppStore } from './store';
import './styles.css';

startUrlSync();
// Downloads start now; the data layer (PapaParse, schemas) is its own chunk and
// parses them when it arrives, while React renders the shell.
const fetched = fetchInitialData();
void import('./dataset/load')
  .then((m) => m.loadDataset(fetched))
  .then((loaded) => useAppStore.getState().setData(loaded.model, loaded.errors))
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

// index.html paints a static shell at once. React renders when the data is
// there (one render instead of two before the first chart), or after a second
// on a slow network, to show the filters while the data is still coming.
let rendered = false;
const renderOnce = (): void => {
  if (rendered) return;
  rendered = true;
  render();
};
const stop = useAppStore.subscribe((s) => {
  if (s.status !== 'loading') {
    stop();
    renderOnce();
  }
});
setTimeout(renderOnce, 1000);
