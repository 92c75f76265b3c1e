/**
 * The page layout: top bar, layers and legend on the left, the 3D city in the middle, the
 * facilitator console's drawer beside it when open, inspector, causal chain and event log on the
 * right, KPI strip along the bottom. Load errors and fatal errors replace the city with a readable
 * message; they never leave a blank page. Escape closes the topmost open panel (escape-stack.ts).
 */
import { Suspense, lazy, useEffect } from 'react';
import { AssetSearch } from '../panels/asset-search';
import { ChainPanel } from '../panels/chain-panel';
import { ErrorPanel } from '../panels/error-panel';
import { EventLog } from '../panels/event-log';
import { Inspector } from '../panels/inspector';
import { KpiStrip } from '../panels/kpi-strip';
import { LayersPanel } from '../panels/layers-panel';
import { MapAttribution } from '../panels/map-attribution';
import { Legend } from '../panels/legend';
import { VendorPanel } from '../cyber/cyber-panels';
import { CctvPanel } from '../cyber/cctv-panel';
import { PrivacyPanel } from '../privacy/privacy-panel';
import { ScenarioBrief } from '../panels/scenario-brief';
import { TopBar } from '../panels/top-bar';
import { ViewControls } from '../panels/view-controls';
import { ViewModeToggle } from '../panels/view-mode';
import { closeChain, selectAsset, selectFeature, uiStore, useUi } from '../store/ui-store';
import { LazyCityScene } from './lazy-scene';
import { PreparingStatus } from './preparing-status';
import { layoutStore, togglePanel, useLayout } from '../store/layout-store';
import { SweepButton, SweepView } from '../sweep/sweep-view';
import { HostButton } from '../hosted/host-button';
import { useHosted } from '../hosted/hosted-store';
import { closeTopmost } from '../store/escape-stack';
import { useExercise } from '../exercise/exercise-store';
import { PlayHint } from '../panels/play-hint';

/** The facilitator console, briefing and exercise banners: a chunk of their own (src/ui/exercise). */
const ExerciseDock = lazy(() => import('../exercise/exercise-dock'));
/** The facilitator console's drawer: in the same chunk, fetched when first opened. */
const ConsoleDrawer = lazy(() => import('../exercise/exercise-dock').then((m) => ({ default: m.ConsoleDrawer })));
/** A hosted exercise's seat picker and status line (src/ui/hosted): fetched when the page hosts or joins one. */
const HostedStrip = lazy(() => import('../hosted/hosted-strip'));
/** The scenario chooser and "Open your own…": fetched when first opened. */
const ScenarioChooser = lazy(() => import('../chooser/scenario-chooser').then((m) => ({ default: m.ScenarioChooser })));

/** The tab at the map's edge that closes or opens a side column; its arrow points the way the column will go. */
function PanelToggle({ side, open }: { side: 'left' | 'right'; open: boolean }) {
  const name = side === 'left' ? 'layers' : 'details';
  return (
    <button
      type="button"
      className={`btn panel-toggle ${side}`}
      onClick={() => togglePanel(side)}
      aria-expanded={open}
      aria-label={`${open ? 'Hide' : 'Show'} the ${name} column`}
    >
      {(side === 'left') === open ? '◀' : '▶'}
    </button>
  );
}

export function App() {
  const phase = useUi((s) => s.phase);
  const hasWorld = useUi((s) => s.world !== null);
  const left = useLayout((s) => s.left);
  const right = useLayout((s) => s.right);
  const selected = useUi((s) => s.selected !== null || s.chain !== null);
  // The inspector and the Why? chain live in the details column: open it when they have something to show.
  useEffect(() => {
    if (selected) layoutStore.setState({ right: true });
  }, [selected]);
  const chooserOpen = useUi((s) => s.chooserOpen);
  const hosted = useHosted((s) => s.status !== 'off');
  const consoleOpen = useExercise((s) => s.consoleOpen) && phase === 'ready';
  // Escape closes the topmost open panel (the one opened last), then the inspector's selection.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const s = uiStore.getState();
      // The chooser is a modal dialog: Escape closes it and nothing behind it.
      if (s.chooserOpen) return;
      if (closeTopmost()) e.preventDefault();
      else if (s.chain) closeChain();
      else if (s.selected) selectAsset(null);
      else if (s.selectedFeature) selectFeature(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <div className="app">
      <TopBar />
      <div className={`body${left ? '' : ' no-left'}${right ? '' : ' no-right'}${consoleOpen ? ' with-drawer' : ''}`}>
        <aside className="side left" aria-label="Layers and legend">
          <LayersPanel />
          <Legend />
          <ScenarioBrief />
          <SweepButton />
          <HostButton />
          <CctvPanel />
          <VendorPanel />
          <PrivacyPanel />
        </aside>
        <main className="viewport" aria-label="3D city view">
          {phase === 'ready' && hasWorld && (
            <Suspense fallback={<p className="overlay-note">Preparing the 3D view…</p>}>
              <LazyCityScene />
            </Suspense>
          )}
          <PanelToggle side="left" open={left} />
          <PanelToggle side="right" open={right} />
          {phase === 'ready' && <PreparingStatus />}
          {phase === 'ready' && <ViewControls />}
          {phase === 'ready' && <ViewModeToggle />}
          {phase === 'ready' && <MapAttribution />}
          {phase === 'ready' && <PlayHint />}
          {phase === 'ready' && (
            <Suspense fallback={null}>
              <ExerciseDock />
            </Suspense>
          )}
          {phase === 'loading' && (
            <p className="overlay-note" role="status">
              Building the city…
            </p>
          )}
          {(phase === 'load-error' || phase === 'fatal') && <ErrorPanel />}
          {hosted && (
            <Suspense fallback={null}>
              <HostedStrip />
            </Suspense>
          )}
        </main>
        {consoleOpen && (
          <Suspense fallback={null}>
            <ConsoleDrawer />
          </Suspense>
        )}
        <aside className="side right" aria-label="Details">
          <AssetSearch />
          <Inspector />
          <ChainPanel />
          <EventLog />
        </aside>
      </div>
      <KpiStrip />
      <SweepView />
      {chooserOpen && (
        <Suspense fallback={null}>
          <ScenarioChooser />
        </Suspense>
      )}
    </div>
  );
}
