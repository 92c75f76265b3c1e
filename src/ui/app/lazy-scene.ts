/** The 3D scene (three.js and react-three-fiber) as a separate chunk, fetched in parallel with the shell. */
import { lazy } from 'react';

const load = () => import('../scene/city-scene');
let pending: ReturnType<typeof load> | null = null;

export function preloadScene(): void {
  pending ??= load();
}

export const LazyCityScene = lazy(() => {
  preloadScene();
  return pending!;
});
