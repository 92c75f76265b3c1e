/**
 * The water network's static layout for the page: nodes and links in EPANET's order (the
 * snapshot's order) placed on the ground, which asset stands for each, the consumers whose time
 * left the inspector shows, and the PLCs with their sensors and rules. Built once per load from
 * the running model, because only EPANET knows its own element order.
 */
import type { SimInput, water } from '../sim';
import type { WaterView } from './protocol';

export function waterView(input: SimInput, w: water.WaterSubsystem | null): WaterView | null {
  const wi = input.water;
  if (!wi || !w) return null;
  const m = w.model;
  const assetIndex = new Map(input.assets.map((a, i) => [a.id as string, i]));
  const n = m.nodeIds.length;
  const nodeX = new Float32Array(n);
  const nodeZ = new Float32Array(n);
  m.nodeIds.forEach((id, i) => {
    const p = wi.positions[id];
    nodeX[i] = p ? p[0] : input.city.sizeM[0] / 2;
    nodeZ[i] = p ? p[1] : input.city.sizeM[1] / 2;
  });
  const nodeAsset = new Int32Array(n).fill(-1);
  for (const na of wi.nodeAssets) {
    const i = m.nodeOf(na.node);
    if (i !== undefined) nodeAsset[i] = assetIndex.get(na.asset) ?? -1;
  }
  const linkAsset = new Int32Array(m.linkIds.length).fill(-1);
  for (const la of wi.linkAssets) {
    const k = m.linkOf(la.link);
    if (k !== undefined) linkAsset[k] = assetIndex.get(la.asset) ?? -1;
  }
  const sensors = [...w.sensorOwner.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    fileUnits: m.units.flowUnits,
    nodeIds: [...m.nodeIds],
    nodeType: m.nodeType.slice(),
    nodeX,
    nodeZ,
    nodeAsset,
    tankMaxM: Float32Array.from(m.tankMaxM),
    linkIds: [...m.linkIds],
    linkType: m.linkType.slice(),
    linkFrom: m.linkFrom.slice(),
    linkTo: m.linkTo.slice(),
    linkAsset,
    consumers: wi.consumers.map((c) => ({ asset: assetIndex.get(c.asset) ?? -1, node: m.nodeOf(c.node) ?? -1, storageMin: c.storageMin })),
    sensors: sensors.map(([id, plc]) => ({ id, plc })),
    plcs: wi.plcs.map((p) => ({
      id: p.id,
      asset: p.asset !== null ? (assetIndex.get(p.asset) ?? -1) : -1,
      actuators: [...p.actuators],
      sensors: [...p.sensors],
      rules: w.rules
        .filter((r) => r.plc === p.id)
        .map((r) => ({ id: r.id, link: m.linkIds[r.link]!, open: r.open, sensor: r.sensor, below: r.below, levelM: r.originalM })),
    })),
  };
}
