/**
 * A view states what it shows, for the header printed above it (the print
 * slice holds it; app/print-header.tsx words it).
 */
import { useEffect } from 'react';
import type { PrintScope } from '../dataset/print-scope';
import { useAppStore } from './index';

/** Keep `scope` as the page's print scope while this view is shown (memoise it). */
export function usePrintScope(scope: PrintScope | null): void {
  const setPrintScope = useAppStore((s) => s.setPrintScope);
  useEffect(() => {
    if (scope === null) return;
    setPrintScope(scope);
    return () => {
      // Another view may have stated its own meanwhile.
      if (useAppStore.getState().printScope === scope) setPrintScope(null);
    };
  }, [scope, setPrintScope]);
}
