/** The screen's view kept in a session file: written beside the run, read back on restore, ignored by the simulation. */
import { afterEach, describe, expect, it } from 'vitest';
import { makeSession, parseSession } from '../../../src/scenario';
import { applyView, currentView, viewOf, withView } from '../../../src/ui/exercise/session-view';
import { layoutStore } from '../../../src/ui/store/layout-store';
import { uiStore } from '../../../src/ui/store/ui-store';
import type { WorldView } from '../../../src/worker/protocol';

const session = () => `${JSON.stringify(makeSession({ scenarioName: 'default', seed: 42, untilMs: 60_000, commands: [] }), null, 2)}\n`;

describe('session view', () => {
  afterEach(() => {
    layoutStore.setState({ pinned: null });
    uiStore.setState({ world: null });
  });

  it('keeps the pinned headline of the open scenario, and a session file with it still parses', () => {
    uiStore.setState({ world: { scenario: { id: 'default' } } as unknown as WorldView });
    expect(currentView()).toBeNull();
    expect(withView(session())).toBe(session());
    layoutStore.setState({ pinned: { scenarioId: 'default', ids: ['streetCoverage', 'mwShed'] } });
    const json = withView(session());
    expect(viewOf(json)).toEqual({ headlineKpis: ['streetCoverage', 'mwShed'] });
    const parsed = parseSession(json);
    expect(parsed.ok && parsed.session.view).toEqual({ headlineKpis: ['streetCoverage', 'mwShed'] });
    // A choice made for another scenario is not this one's.
    layoutStore.setState({ pinned: { scenarioId: 'other', ids: ['mwShed'] } });
    expect(currentView()).toBeNull();
  });

  it("restores the session's choice, or the scenario's own when it kept none", () => {
    applyView({ headlineKpis: ['camerasWorking'] }, 'default');
    expect(layoutStore.getState().pinned).toEqual({ scenarioId: 'default', ids: ['camerasWorking'] });
    applyView(viewOf(session()), 'default');
    expect(layoutStore.getState().pinned).toBeNull();
    expect(viewOf('not json')).toBeNull();
    expect(parseSession(JSON.stringify({ ...JSON.parse(session()), view: { headlineKpis: [1] } })).ok).toBe(false);
  });
});
