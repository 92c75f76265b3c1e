/**
 * The canvas draws on demand. Layers with something moving (pulsing compromise rings, dashes on
 * stressed links) call requestAnimation() while they draw; the next frame then comes at a modest
 * rate, which keeps a software-rendered briefing laptop responsive.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';

const ANIMATION_FPS = 24;

let invalidate: (() => void) | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

export function requestAnimation(): void {
  if (timer !== null || !invalidate) return;
  timer = setTimeout(() => {
    timer = null;
    invalidate?.();
  }, 1000 / ANIMATION_FPS);
}

/** Mount once inside the Canvas: lends requestAnimation the canvas's invalidate. */
export function AnimationPump() {
  const inv = useThree((s) => s.invalidate);
  useEffect(() => {
    invalidate = inv;
    return () => {
      if (invalidate === inv) invalidate = null;
    };
  }, [inv]);
  return null;
}
