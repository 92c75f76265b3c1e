/**
 * The worker's answer about one signal controller (for the traffic layer's signal inspector): its
 * mode, its stages, and per movement (approach × turn) what it shows now and in each stage —
 * protected, give way (a permissive right turn) or red.
 */
import { traffic, type Simulation } from '../sim';
import type { SignalInfo, SignalMovementInfo } from './protocol';

const COMPASS = ['east', 'south-east', 'south', 'south-west', 'west', 'north-west', 'north', 'north-east'] as const;
const INTERVALS = ['green', 'amber', 'all-red'] as const;
const PERMS = ['red', 'give way', 'protected'] as const;

/** Where an approach comes from, as a compass point (x east, z south). */
function compass(net: traffic.TrafficNetwork, l: number): string {
  const n = net.linkTo[l]!;
  const o = net.linkFrom[l]!;
  const a = Math.atan2(net.nodeZ[o]! - net.nodeZ[n]!, net.nodeX[o]! - net.nodeX[n]!);
  return COMPASS[((Math.round(a / (Math.PI / 4)) % 8) + 8) % 8]!;
}

function aspectName(a: number): SignalMovementInfo['now'] {
  switch (a) {
    case traffic.GREEN:
      return 'green';
    case traffic.GREEN_YIELD:
      return 'green, give way';
    case traffic.AMBER:
      return 'amber';
    case traffic.DARK:
      return 'dark';
    default:
      return 'red';
  }
}

/** The signal controlled by asset `assetId` (an asset id), or null when there is none. */
export function signalInfo(sim: Simulation, assetId: string): SignalInfo | null {
  const t = sim.traffic;
  const s = t?.signalIndexOf(assetId);
  if (!t || s === undefined) return null;
  const sig = t.model.signals;
  const mv = t.model.junctions.mv;
  const net = t.input.network;
  const s0 = sig.stageStart[s]!;
  const stages = sig.stageStart[s + 1]! - s0;
  const movements: SignalMovementInfo[] = [];
  for (let i = sig.turnStart[s]!; i < sig.turnStart[s + 1]!; i++) {
    const k = sig.turns[i]!;
    const l = mv.from[k]!;
    const local = i - sig.turnStart[s]!;
    movements.push({
      from: compass(net, l),
      street: t.input.linkStreets?.[l] ?? null,
      turn: traffic.TURN_NAMES[mv.kind[k]!]!,
      now: aspectName(sig.turnAspect(k, l)),
      stages: Array.from({ length: stages }, (_, st) => PERMS[sig.perm[sig.permStart[s0 + st]! + local]!]!),
    });
  }
  return {
    mode: traffic.MODES[sig.mode[s]!]!,
    stage: sig.current[s]!,
    next: sig.next[s]!,
    interval: INTERVALS[sig.interval[s]!]!,
    stages: Array.from({ length: stages }, (_, st) => (sig.stageKind[s0 + st] === traffic.STAGE_ARROW ? 'right-turn arrow' : 'main')),
    movements,
    conflicts: t.model.signalConflicts[s]!,
  };
}
