/**
 * Where the sensing systems are, indexed for the movement model: which sensors stand at each
 * arterial junction (cameras sit 9 m off the junction), which one watches each site's entrance,
 * and the transit stations. Sensors that stand within a few metres of each other share a `place`
 * (one pole with a camera and a Wi-Fi sniffer), which is what lets datasets be joined on place.
 */
import { SENSOR_STATION, type SensorSpec } from './model';

const JUNCTION_RADIUS_M = 25;
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

  constructor(
    readonly specs: readonly SensorSpec[],
    readonly arterialM: number,
    sizeM: readonly [number, number],
    buildings: { readonly count: number; readonly x: Float32Array; readonly z: Float32Array },
    watched: readonly number[],
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
    this.cols = Math.floor(sizeM[0] / arterialM) + 1;
    this.rows = Math.floor(sizeM[1] / arterialM) + 1;
    const lists: number[][] = Array.from({ length: this.cols * this.rows }, () => []);
    for (let i = 0; i < n; i++) {
      if (this.kinds[i]! & SENSOR_STATION) continue;
      const jc = Math.round(this.x[i]! / arterialM);
      const jr = Math.round(this.z[i]! / arterialM);
      if (jc < 0 || jr < 0 || jc >= this.cols || jr >= this.rows) continue;
      if (Math.hypot(this.x[i]! - jc * arterialM, this.z[i]! - jr * arterialM) <= JUNCTION_RADIUS_M) lists[jc * this.rows + jr]!.push(i);
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
