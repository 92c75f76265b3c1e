/**
 * Starts the simulation worker. main.tsx imports this module first, so the worker is fetching and
 * compiling the scenario while React and the rest of the page's modules are still being evaluated.
 */
import { startSimWorker } from '../../worker/client';
import { bootMark } from './boot-marks';

bootMark('twin:entry');
export const client = startSimWorker();
