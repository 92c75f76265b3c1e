/**
 * Trip-by-trip comparison of two tripinfo files (SUMO's and the twin's, the same attributes): how
 * many trips each completed, and over the trips both completed, the mean duration, time loss and
 * waiting time of each. Used by the fidelity test and `npm run bench`.
 */

export interface TripInfo {
  readonly depart: number;
  readonly arrival: number;
  readonly duration: number;
  readonly routeLength: number;
  readonly waitingTime: number;
  readonly timeLoss: number;
}

/** The <tripinfo> elements of a tripinfo file, by vehicle id. */
export function readTripinfo(text: string): Map<string, TripInfo> {
  const out = new Map<string, TripInfo>();
  for (const m of text.matchAll(/<tripinfo\s([^>]*)\/?>/g)) {
    const a: Record<string, string> = {};
    for (const kv of m[1]!.matchAll(/([\w]+)="([^"]*)"/g)) a[kv[1]!] = kv[2]!;
    if (a.id === undefined) continue;
    out.set(a.id, {
      depart: Number(a.depart),
      arrival: Number(a.arrival),
      duration: Number(a.duration),
      routeLength: Number(a.routeLength),
      waitingTime: Number(a.waitingTime),
      timeLoss: Number(a.timeLoss),
    });
  }
  return out;
}

export interface Side {
  readonly completed: number;
  readonly meanDurationS: number;
  readonly meanTimeLossS: number;
  readonly meanWaitingS: number;
  readonly meanRouteLengthM: number;
}

export interface Comparison {
  /** Trips both completed, over which the means are taken. */
  readonly matched: number;
  readonly sumo: Side;
  readonly twin: Side;
  /** Twin relative to SUMO: (twin − sumo) / sumo. */
  readonly durationRatio: number;
  readonly completedRatio: number;
  readonly timeLossRatio: number;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Compares the trips whose departures are at most `untilS` (all when omitted) and that arrived by `endS`. */
export function compareTripinfo(sumo: Map<string, TripInfo>, twin: Map<string, TripInfo>, endS = Infinity): Comparison {
  const done = (t: TripInfo) => t.arrival <= endS;
  const ids = [...sumo.keys()].filter((id) => done(sumo.get(id)!) && twin.has(id) && done(twin.get(id)!));
  const side = (m: Map<string, TripInfo>): Side => {
    const list = ids.map((id) => m.get(id)!);
    const mean = (f: (t: TripInfo) => number) => round(list.reduce((s, t) => s + f(t), 0) / Math.max(1, list.length), 2);
    return {
      completed: [...m.values()].filter(done).length,
      meanDurationS: mean((t) => t.duration),
      meanTimeLossS: mean((t) => t.timeLoss),
      meanWaitingS: mean((t) => t.waitingTime),
      meanRouteLengthM: mean((t) => t.routeLength),
    };
  };
  const s = side(sumo);
  const w = side(twin);
  return {
    matched: ids.length,
    sumo: s,
    twin: w,
    durationRatio: round((w.meanDurationS - s.meanDurationS) / s.meanDurationS),
    completedRatio: round((w.completed - s.completed) / s.completed),
    timeLossRatio: round((w.meanTimeLossS - s.meanTimeLossS) / s.meanTimeLossS),
  };
}
