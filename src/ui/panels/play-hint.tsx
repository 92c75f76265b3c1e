/**
 * Once per scenario, what Play will do: "Press Play: the attack comes at 00:10", the time read
 * from the scenario's first scheduled inject. A new user otherwise faces a still city with no
 * hint that anything is about to happen. Dismissed by its button or by pressing Play; remembered
 * in localStorage so the room sees it only the first time.
 */
import { useEffect, useState } from 'react';
import { formatClock } from '../../sim';
import type { InjectView } from '../../worker/exercise-protocol';
import { useUi } from '../store/ui-store';

const KEY = 'citytwin-play-hint:';

/** The scenario's first scheduled inject, or null when every inject waits for the facilitator. */
export function firstScheduled(injects: readonly InjectView[]): InjectView | null {
  let first: InjectView | null = null;
  for (const i of injects) if (i.atMs !== null && (first === null || i.atMs < first.atMs!)) first = i;
  return first;
}

/** The hint's sentence: an inject with an ATT&CK technique is an attack; any other is the first event. */
export function playHintText(first: InjectView): string {
  // "00:10", as a briefer says it; the seconds only when the inject has some.
  const at = formatClock(first.atMs!).replace(/^(\d+:\d\d):00$/, '$1');
  return `Press Play: ${first.attack ? 'the attack comes' : 'the first event comes'} at ${at}`;
}

function seen(scenarioId: string): boolean {
  try {
    return localStorage.getItem(KEY + scenarioId) === '1';
  } catch {
    return false;
  }
}

function remember(scenarioId: string): void {
  try {
    localStorage.setItem(KEY + scenarioId, '1');
  } catch {
    // Private mode without storage: the hint just comes back next time.
  }
}

export function PlayHint() {
  const world = useUi((s) => s.world);
  const playing = useUi((s) => s.playing);
  const clockMs = useUi((s) => s.clockMs);
  const fired = useUi((s) => s.firedInjects);
  const scenarioId = world?.scenario.id ?? '';
  const [hidden, setHidden] = useState(() => seen(scenarioId));
  useEffect(() => setHidden(seen(scenarioId)), [scenarioId]);
  const first = world ? firstScheduled(world.injects) : null;
  // Pressing Play is the hint taken: it does not come back.
  useEffect(() => {
    if (playing && first && !hidden) {
      remember(scenarioId);
      setHidden(true);
    }
  }, [playing]);
  // Once the attack has come (on time or fired early), the hint has nothing left to say.
  if (!first || hidden || clockMs >= first.atMs! || fired.includes(first.id)) return null;
  const dismiss = () => {
    remember(scenarioId);
    setHidden(true);
  };
  return (
    <aside className="play-hint" aria-label="What Play does" data-testid="play-hint">
      <p>
        <strong>{playHintText(first)}</strong>
        <span className="play-hint-title">{first.title}</span>
      </p>
      <button type="button" className="btn" onClick={dismiss} aria-label="Dismiss the hint">
        Got it
      </button>
    </aside>
  );
}
