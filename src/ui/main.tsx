/**
 * Page entry. The worker starts first (boot-worker.ts, imported before anything else), so the
 * scenario loads while React and the 3D chunk are still being fetched; the shell paints at once
 * and the scene joins when its chunk arrives.
 */
import { client } from './app/boot-worker';
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startSession } from './app/session';
import { installTestHooks } from './app/test-hooks';
import { parseUrlParams } from './app/url-params';
import { prepareChoice } from './chooser/own-open';
import { preloadScene } from './app/lazy-scene';
import { startPowerTracking } from './power/power-track';
import { startExercise } from './exercise/exercise-controller';
import './styles.css';
import { relayWorkerMarks } from './app/boot-marks';

relayWorkerMarks(client);
installTestHooks(client);
startPowerTracking(client);
const choice = parseUrlParams(window.location.search);
// ?view=presenter: a second window for the room that mirrors the facilitator's (src/ui/exercise).
const presenter = new URLSearchParams(window.location.search).get('view') === 'presenter';
// ?join=SESSION: a seat at a hosted exercise (twin serve); the session's scenario and log come from the host.
const join = presenter ? null : new URLSearchParams(window.location.search).get('join');
if (join) {
  startSession(client, choice, { load: false });
  startExercise(client, choice, { hosted: true });
  void import('./hosted/hosted-client').then((m) => m.openJoin(client, join));
} else
  // A scenario the user opened (?scenario=own:ID) is handed to the worker from IndexedDB first.
  void prepareChoice(client, choice).then((ready) => {
    startSession(client, ready);
    if (!presenter) startExercise(client, ready);
  });
const Root = presenter
  ? lazy(() =>
      import('./exercise/presenter-view').then((m) => {
        m.startPresenter(client, `${choice.scenario}|${choice.seed ?? null}`, new URLSearchParams(window.location.search).get('follow'));
        return { default: m.PresenterView };
      }),
    )
  : App;
preloadScene();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={<p className="boot">Opening…</p>}>
      <Root />
    </Suspense>
  </StrictMode>,
);
