/**
 * What happened to each listed trip (a SUMO trips or routes file): when it got on the road, when
 * it arrived, how far it drove, how long it waited and the time it lost. Written out as SUMO's
 * tripinfo XML, so SUMO's tools and a script can compare the two programs trip by trip.
 */
import type { TripList } from './demand';

export class TripLog {
  /** Per listed trip: when it got on the road and arrived, ms (-1: not yet), and its tripinfo figures. */
  readonly departMs: Float64Array;
  readonly arriveMs: Float64Array;
  readonly routeM: Float64Array;
  readonly waitS: Float64Array;
  readonly lossS: Float64Array;

  constructor(readonly trips: TripList) {
    const n = trips.ids.length;
    this.departMs = new Float64Array(n).fill(-1);
    this.arriveMs = new Float64Array(n).fill(-1);
    this.routeM = new Float64Array(n);
    this.waitS = new Float64Array(n);
    this.lossS = new Float64Array(n);
  }

  arrived(i: number, tMs: number, routeM: number, waitS: number, lossS: number): void {
    this.arriveMs[i] = tMs;
    this.routeM[i] = routeM;
    this.waitS[i] = waitS;
    this.lossS[i] = lossS;
  }

  /**
   * SUMO's tripinfo XML for the trips that arrived (https://sumo.dlr.de/docs/Simulation/Output/TripInfo.html):
   * per vehicle id, depart (when it got on the road), departDelay, arrival, duration, routeLength,
   * waitingTime (seconds below 0.1 m/s) and timeLoss (time lost against the driver's desired speed).
   */
  xml(): string {
    const tl = this.trips;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    const f = (x: number) => x.toFixed(2);
    const order = tl.ids.map((_, i) => i).filter((i) => this.arriveMs[i]! >= 0);
    order.sort((a, b) => this.arriveMs[a]! - this.arriveMs[b]! || a - b);
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<tripinfos generator="citytwin">'];
    for (const i of order) {
      const dep = this.departMs[i]!;
      const arr = this.arriveMs[i]!;
      lines.push(
        `    <tripinfo id="${esc(tl.ids[i]!)}" depart="${f(dep / 1000)}" arrival="${f(arr / 1000)}" duration="${f((arr - dep) / 1000)}" routeLength="${f(
          this.routeM[i]!,
        )}" waitingTime="${f(this.waitS[i]!)}" timeLoss="${f(this.lossS[i]!)}" departDelay="${f((dep - tl.departMs[i]!) / 1000)}"/>`,
      );
    }
    lines.push('</tripinfos>', '');
    return lines.join('\n');
  }
}
