/**
 * Where the sensing systems are, indexed for the movement model: which sensors stand at each
 * arterial junction (cameras sit 9 m off the junction) — or at each of the junctions the input
 * names, for streets that are not a grid — which one watches each site's entrance,
 * and the transit stations. Sensors that stand within a few metres of each other share a `place`
 * (one pole with a camera and a Wi-Fi sniffer), which is what lets datasets be joined on place.
 */
import { SENSOR_STATION, type SensorSpec } from './model';

const JUNCTION_RADIUS_M = 25;
/** A sensor belongs to the nearest named junction this close: a town's cameras stand anywhere along its streets. */
const NAMED_JUNCTION_REACH_M = 60;
const SITE_RADIUS_M = 80;
const SAME_PLACE_M = 30;

export class SensorIndex {
  readonly count: number;
  readonly x: Float32Array;
  readonly z: Float32Array;
  readonly kinds: Uint8Array;
  /** Co-location group of each sensor (the lowest index within SAME_PLACE_M). */
  readonly place: Int32Array;
  readonly cols: number;
  readonly rows: number;
  /** CSR: sensors at junction j = jc * rows + jr are junctionSensors[start[j] .. start[j+1]). */
  readonly junctionStart: Int32Array;
  readonly junctionSensors: Int32Array;
  /** Per building: the sensor watching it (a site's camera), or -1. */
  readonly buildingSensor: Int32Array;
  readonly stations: Int32Array;
  /** The junctions named in the input, or null for the arterial grid. */
  private readonly points: readonly (readonly [number, number])[] | null;

  constructor(
    readonly specs: readonly SensorSpec[],
    readonly arterialM: number,
    sizeM: readonly [number, number],
    buildings: { readonly count: number; readonly x: Float32Array; readonly z: Float32Array },
    watched: readonly number[],
    junctions: readonly (readonly [number, number])[] | null = null,
  ) {
    const n = specs.length;
    this.count = n;
    this.x = Float32Array.from(specs, (s) => s.x);
    this.z = Float32Array.from(specs, (s) => s.z);
    this.kinds = Uint8Array.from(specs, (s) => s.kinds);
    this.place = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.place[i] = i;
      for (let j = 0; j < i; j++) {
        if (Math.hypot(this.x[i]! - this.x[j]!, this.z[i]! - this.z[j]!) < SAME_PLACE_M) {
          this.place[i] = this.place[j]!;
          break;
        }
      }
    }
    this.points = junctions;
    this.cols = junctions ? junctions.length : Math.floor(sizeM[0] / arterialM) + 1;
    this.rows = junctions ? 1 : Math.floor(sizeM[1] / arterialM) + 1;
    const lists: number[][] = Array.from({ length: this.cols * this.rows }, () => []);
    for (let i = 0; i < n; i++) {
      if (this.kinds[i]! & SENSOR_STATION) continue;
      const j = this.junctionAt(this.x[i]!, this.z[i]!, junctions ? NAMED_JUNCTION_REACH_M : JUNCTION_RADIUS_M);
      if (j >= 0) lists[j]!.push(i);
    }
    this.junctionStart = new Int32Array(lists.length + 1);
    lists.forEach((l, j) => (this.junctionStart[j + 1] = this.junctionStart[j]! + l.length));
    this.junctionSensors = Int32Array.from(lists.flat());
    this.buildingSensor = new Int32Array(buildings.count).fill(-1);
    for (const b of watched) {
      let best = -1;
      let bd = SITE_RADIUS_M;
      for (let i = 0; i < n; i++) {
        if (this.kinds[i]! & SENSOR_STATION) continue;
        const d = Math.hypot(this.x[i]! - buildings.x[b]!, this.z[i]! - buildings.z[b]!);
        if (d < bd) {
          bd = d;
          best = i;
        }
      }
      this.buildingSensor[b] = best;
    }
    this.stations = Int32Array.from(specs.flatMap((s, i) => (s.kinds & SENSOR_STATION ? [i] : [])));
  }

  /** The junction a point stands at (within `reach`, 25 m unless said), or -1. */
  junctionAt(x: number, z: number, reach = JUNCTION_RADIUS_M): number {
    if (this.points) {
      let best = -1;
      let bd = reach;
      this.points.forEach((p, j) => {
        const d = Math.hypot(x - p[0], z - p[1]);
        if (d <= bd) [best, bd] = [j, d];
      });
      return best;
    }
    const a = this.arterialM;
    const jc = Math.round(x / a);
    const jr = Math.round(z / a);
    if (jc < 0 || jr < 0 || jc >= this.cols || jr >= this.rows) return -1;
    return Math.hypot(x - jc * a, z - jr * a) <= reach ? jc * this.rows + jr : -1;
  }

  /** The nearest station to a point (Manhattan distance), or -1. */
  nearestStation(x: number, z: number): number {
    let best = -1;
    let bd = Infinity;
    for (let k = 0; k < this.stations.length; k++) {
      const s = this.stations[k]!;
      const d = Math.abs(this.x[s]! - x) + Math.abs(this.z[s]! - z);
      if (d < bd) {
        bd = d;
        best = s;
      }
    }
    return best;
  }
}
