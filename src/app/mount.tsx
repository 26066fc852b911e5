/**
 * React's start: loaded when components/chart/first-chart.ts says so (after
 * the first chart, or when it is not coming soon). The chart code is awaited
 * first, so the first render mounts the ranking chart at once and takes over
 * the one drawn before React.
 */
import { StrictMode, useLayoutEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { chartCode } from '../components/chart/LazyChart';
import { App } from './App';

/** Calls `onCommit` when React's first render is on the page (its buttons answer from then). */
function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }) {
  useLayoutEffect(onCommit, [onCommit]);
  return children;
}

/** `stopShellClicks`: the page shell's click handling, which React's replaces. */
export async function mount(stopShellClicks: () => void): Promise<void> {
  // Without the chart code the page still renders (its charts show their error).
  await chartCode.catch(() => undefined);
  const root = document.getElementById('root');
  if (root === null) return;
  createRoot(root).render(
    <StrictMode>
      <Committed onCommit={stopShellClicks}>
        <App />
      </Committed>
    </StrictMode>,
  );
}
