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

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
