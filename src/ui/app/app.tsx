/**
 * The page layout: top bar, layers and legend on the left, the 3D city in the middle, inspector,
 * causal chain and event log on the right, KPI strip along the bottom. Load errors and fatal
 * errors replace the city with a readable message; they never leave a blank page.
 */
import { Suspense } from 'react';
import { ChainPanel } from '../panels/chain-panel';
import { ErrorPanel } from '../panels/error-panel';
import { EventLog } from '../panels/event-log';
import { Inspector } from '../panels/inspector';
import { KpiStrip } from '../panels/kpi-strip';
import { LayersPanel } from '../panels/layers-panel';
import { Legend } from '../panels/legend';
import { ScenarioBrief } from '../panels/scenario-brief';
import { TopBar } from '../panels/top-bar';
import { ViewControls } from '../panels/view-controls';
import { useUi } from '../store/ui-store';
import { LazyCityScene } from './lazy-scene';

export function App() {
  const phase = useUi((s) => s.phase);
  const hasWorld = useUi((s) => s.world !== null);
  return (
    <div className="app">
      <TopBar />
      <div className="body">
        <aside className="side left" aria-label="Layers and legend">
          <LayersPanel />
          <Legend />
          <ScenarioBrief />
        </aside>
        <main className="viewport" aria-label="3D city view">
          {phase === 'ready' && hasWorld && (
            <Suspense fallback={<p className="overlay-note">Preparing the 3D view…</p>}>
              <LazyCityScene />
            </Suspense>
          )}
          {phase === 'ready' && <ViewControls />}
          {phase === 'loading' && (
            <p className="overlay-note" role="status">
              Building the city…
            </p>
          )}
          {(phase === 'load-error' || phase === 'fatal') && <ErrorPanel />}
        </main>
        <aside className="side right" aria-label="Details">
          <Inspector />
          <ChainPanel />
          <EventLog />
        </aside>
      </div>
      <KpiStrip />
    </div>
  );
}
