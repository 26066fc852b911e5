/**
 * Whether the workspace has settled (read from IndexedDB, every change
 * written): what a browser test waits for before it checks that something
 * is not there, or reloads. A component of its own so that the end of each
 * save re-renders it alone, not the review of a 50 MB report.
 */
import { useAppStore } from '../../store';

export function WorkspaceState() {
  const state = useAppStore((s) =>
    !s.workspaceLoaded
      ? 'loading'
      : s.importProgress !== null
        ? 'importing'
        : s.workspaceSaving
          ? 'saving'
          : 'saved',
  );
  return <span hidden data-testid="workspace-state" data-workspace={state} />;
}
