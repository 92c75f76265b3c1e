/**
 * Lets a panel show live values (an asset's status, a buffer counting down) without re-rendering
 * on every frame: the component re-renders at most every `intervalMs`, and only when a new frame
 * has arrived since its last render.
 */
import { useEffect, useState } from 'react';
import { live } from './live';

export function useLiveVersion(intervalMs = 500): number {
  const [version, setVersion] = useState(live.version);
  useEffect(() => {
    const id = setInterval(() => {
      if (live.version !== version) setVersion(live.version);
    }, intervalMs);
    return () => clearInterval(id);
  }, [intervalMs, version]);
  return version;
}
