/**
 * What a saved session keeps of the screen besides the run: the headline indicators the user
 * pinned. The worker writes the session file (the run); the page adds its `view` before the file
 * is autosaved, downloaded or kept for a rehearsal, and reads it back when a session is restored
 * or imported, so the strip comes back as the facilitator left it. The simulation never reads it.
 */
import { layoutStore } from '../store/layout-store';
import { uiStore } from '../store/ui-store';

interface SessionView {
  headlineKpis?: string[];
}

/** The session file's text with this page's view in it (the text unchanged when there is nothing to add or it cannot be read). */
export function withView(json: string, view: SessionView | null = currentView()): string {
  if (!view) return json;
  try {
    const session = JSON.parse(json) as Record<string, unknown>;
    return `${JSON.stringify({ ...session, view }, null, 2)}\n`;
  } catch {
    return json;
  }
}

/** The view to save: the pinned headline when the user chose one for the open scenario. */
export function currentView(): SessionView | null {
  const pinned = layoutStore.getState().pinned;
  const scenarioId = uiStore.getState().world?.scenario.id;
  return pinned && pinned.scenarioId === scenarioId ? { headlineKpis: [...pinned.ids] } : null;
}

/** The view a session file carries, or null. */
export function viewOf(json: string): SessionView | null {
  try {
    const v = (JSON.parse(json) as { view?: unknown }).view;
    if (!v || typeof v !== 'object') return null;
    const ids = (v as { headlineKpis?: unknown }).headlineKpis;
    return Array.isArray(ids) && ids.every((x) => typeof x === 'string') ? { headlineKpis: ids as string[] } : {};
  } catch {
    return null;
  }
}

/**
 * Applies a restored session's view once its scenario has loaded (`scenarioId`): its pinned
 * headline, or the scenario's own when the session kept none.
 */
export function applyView(view: SessionView | null, scenarioId: string): void {
  layoutStore.setState({ pinned: view?.headlineKpis ? { scenarioId, ids: view.headlineKpis } : null });
}
