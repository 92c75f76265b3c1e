/**
 * The water network's per-frame state for the UI, as plain typed arrays the worker transfers:
 * per link (model order) flow, open and powered; per node pressure, service and tank fill; per
 * consumer its service and the time left before it loses water; per PLC sensor the true value
 * and what SCADA shows.
 */
import type { WaterState } from './state';

export interface WaterSnapshot {
  /** Flow, L/s, from → to. */
  readonly flowLps: Float32Array;
  readonly linkOpen: Uint8Array;
  readonly powered: Uint8Array;
  readonly pressureM: Float32Array;
  /** Per node: delivered / required (1 where nothing is required). */
  readonly service: Float32Array;
  /** Per node: tank fill 0..1 (0 for other nodes). */
  readonly tankFill: Float32Array;
  /** Per tank node: seconds until it runs dry at the present rate (Infinity when filling). */
  readonly tankTimeLeftS: Float32Array;
  /** Per consumer (WaterView.consumers order): service 0..1 and seconds before it loses water. */
  readonly consumerService: Float32Array;
  readonly consumerTimeLeftS: Float32Array;
  /** Per sensor (WaterView.sensors order): the true value and SCADA's. */
  readonly sensorTrue: Float32Array;
  readonly sensorScada: Float32Array;
}

/** Sensors in the order the snapshot reports them. */
export const sensorOrder = (w: WaterState): string[] => [...w.sensorOwner.keys()].sort();

export function waterSnapshot(w: WaterState): WaterSnapshot {
  const m = w.model;
  const n = m.nodeIds.length;
  const service = new Float32Array(n);
  const tankFill = new Float32Array(n);
  const tankTimeLeftS = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const req = m.requiredLps[i]!;
    service[i] = m.nodeType[i] === 0 && req > 1e-9 ? Math.min(1, m.deliveredLps[i]! / req) : 1;
    if (m.nodeType[i] === 2) {
      const span = m.tankMaxM[i]! - m.tankMinM[i]!;
      tankFill[i] = span > 0 ? Math.min(1, Math.max(0, (m.tankLevelM(i) - m.tankMinM[i]!) / span)) : 0;
      tankTimeLeftS[i] = m.tankTimeLeftS(i);
    }
  }
  const sensors = sensorOrder(w);
  return {
    flowLps: Float32Array.from(m.flowLps),
    linkOpen: m.linkOpen.slice(),
    powered: w.powered.slice(),
    pressureM: Float32Array.from(m.pressureM),
    service,
    tankFill,
    tankTimeLeftS,
    consumerService: Float32Array.from(w.service),
    consumerTimeLeftS: Float32Array.from(w.input.consumers, (_, c) => w.timeLeftS(c)),
    sensorTrue: Float32Array.from(sensors, (s) => w.truth(s)),
    sensorScada: Float32Array.from(sensors, (s) => w.lastReading.get(`${s}->SCADA`) ?? w.truth(s)),
  };
}
