/**
 * Page entry. The worker starts first, so the scenario loads while React and the 3D chunk are still
 * being fetched; the shell paints at once and the scene joins when its chunk arrives.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startSimWorker } from '../worker/client';
import { App } from './app/app';
import { startSession } from './app/session';
import { installTestHooks } from './app/test-hooks';
import { parseUrlParams } from './app/url-params';
import { preloadScene } from './app/lazy-scene';
import { startPowerTracking } from './power/power-track';
import './styles.css';

const client = startSimWorker();
installTestHooks(client);
startPowerTracking(client);
startSession(client, parseUrlParams(window.location.search));
preloadScene();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
