/**
 * The water network's state at the end of a run, in the report's shape: SI units (m, L/s, m³)
 * whatever units the .inp used, and ids as in the file. Alongside the truth, what SCADA shows for
 * each PLC sensor, so a spoofed reading can be read beside the true one.
 */
import type { WaterState } from './state';

export interface WaterFinal {
  fileUnits: string;
  timeS: number;
  junctions: { id: string; pressureM: number; demandLps: number; deliveredLps: number }[];
  tanks: { id: string; levelM: number; volumeM3: number; timeLeftS: number | null }[];
  pumps: { id: string; status: 'open' | 'closed'; flowLps: number; powered: boolean }[];
  valves: { id: string; status: 'open' | 'closed'; flowLps: number; powered: boolean }[];
  consumers: { asset: string; node: string; servicePct: number; timeLeftS: number | null }[];
  sensors: { id: string; trueValue: number; scadaValue: number }[];
  plcRules: { id: string; plc: string; link: string; levelM: number; originalM: number }[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const finiteOrNull = (x: number) => (Number.isFinite(x) ? Math.round(x) : null);

export function waterFinal(w: WaterState): WaterFinal {
  const m = w.model;
  m.readAll();
  const junctions = [];
  const tanks = [];
  for (let i = 0; i < m.nodeIds.length; i++) {
    if (m.nodeType[i] === 0)
      junctions.push({ id: m.nodeIds[i]!, pressureM: r3(m.pressureM[i]!), demandLps: r3(m.requiredLps[i]!), deliveredLps: r3(m.deliveredLps[i]!) });
    else if (m.nodeType[i] === 2)
      tanks.push({ id: m.nodeIds[i]!, levelM: r3(m.tankLevelM(i)), volumeM3: r3(m.tankVolumeM3[i]!), timeLeftS: finiteOrNull(m.tankTimeLeftS(i)) });
  }
  const link = (k: number) => ({
    id: m.linkIds[k]!,
    status: (m.linkOpen[k] ? 'open' : 'closed') as 'open' | 'closed',
    flowLps: r3(m.flowLps[k]!),
    powered: w.powered[k] === 1,
  });
  return {
    fileUnits: m.units.flowUnits,
    timeS: m.tS,
    junctions,
    tanks,
    pumps: m.pumps.map(link),
    valves: m.valves.map(link),
    consumers: w.input.consumers.map((c, i) => ({
      asset: c.asset,
      node: c.node,
      servicePct: Math.round(w.service[i]! * 1000) / 10,
      timeLeftS: finiteOrNull(w.timeLeftS(i)),
    })),
    sensors: [...w.sensorOwner.keys()].sort().map((id) => ({ id, trueValue: r3(w.truth(id)), scadaValue: r3(w.scadaReading(id)) })),
    plcRules: w.rules.map((r) => ({ id: r.id, plc: r.plc, link: m.linkIds[r.link]!, levelM: r.levelM, originalM: r.originalM })),
  };
}
