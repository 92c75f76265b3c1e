/**
 * The canvas draws on demand. New frames from the worker and layers with something moving
 * (pulsing compromise rings, dashes on stressed links) call requestAnimation(); redraws then come
 * at a paced rate, lower when WebGL runs in software, so the page stays responsive.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';

/** Frames per second for animation and live updates, on a GPU and in software rendering. */
const FPS_GPU = 30;
const FPS_SOFTWARE = 8;

let invalidate: (() => void) | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let intervalMs = 1000 / FPS_GPU;

/**
 * Asks for a redraw soon, at the paced rate: several requests before the next frame make one.
 * Camera moves do not go through here; they redraw at once.
 */
export function requestAnimation(): void {
  if (timer !== null || !invalidate) return;
  timer = setTimeout(() => {
    timer = null;
    invalidate?.();
  }, intervalMs);
}

/** Mount once inside the Canvas: lends requestAnimation the canvas's invalidate. */
export function AnimationPump({ software }: { software: boolean }) {
  const inv = useThree((s) => s.invalidate);
  useEffect(() => {
    invalidate = inv;
    intervalMs = 1000 / (software ? FPS_SOFTWARE : FPS_GPU);
    return () => {
      if (invalidate === inv) invalidate = null;
    };
  }, [inv, software]);
  return null;
}
