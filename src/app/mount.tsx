/**
 * React's start: loaded by the entry after the first chart (or after a
 * second). The chart code is awaited first, so the first render mounts the
 * ranking chart at once and takes over the one drawn before React.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chartCode } from '../components/chart/LazyChart';
import { App } from './App';

export async function mount(): Promise<void> {
  // Without the chart code the page still renders (its charts show their error).
  await chartCode.catch(() => undefined);
  const root = document.getElementById('root');
  if (root === null) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
