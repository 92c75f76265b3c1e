/**
 * Events as the screen says them: names, never model ids. The simulation's describeEvent is the
 * one-line description for logs and reports; it names assets and vendors, but water and power
 * events also carry the hydraulic and grid model's own ids (PLC_SOUTHMEAD, PU_SOUTHMEAD,
 * P_WATER_TOWER_RIVERSIDE_SOUTH, node N_OLD_TOWN_3_1, bus 12), which a briefer cannot read. Here
 * those are put in words from the world index — the asset a PLC, pump, tank or node stands for —
 * or left out where nothing names them. The ids stay in the inspector's details for experts.
 */
import { describeEvent, type SimEvent } from '../../sim';
import type { WaterView } from '../../worker/protocol';
import type { WorldIndex } from '../store/world-index';
import { powerLineName } from '../power/power-style';

/** "the Old Town – Elm Park line" for a grid branch id, or null when the grid does not know it. */
function branchWords(index: WorldIndex | null, branch: string): string | null {
  const pv = index?.view.power;
  const k = pv ? pv.branches.findIndex((b) => b.id === branch) : -1;
  return index && pv && k >= 0 ? `the ${powerLineName(index, pv, k)}` : null;
}

/** The asset name a water-model id stands for (a PLC's site, a pump's station, a tank's tower), or null. */
export function waterAssetName(index: WorldIndex, id: string): string | null {
  const w = index.view.water;
  if (!w) return null;
  const asset = (i: number) => (i >= 0 ? (index.view.assets[i]?.name ?? null) : null);
  const plc = w.plcs.find((p) => p.id === id);
  if (plc) return asset(plc.asset);
  const n = w.nodeIds.indexOf(id);
  if (n >= 0) return asset(w.nodeAsset[n]!);
  const k = w.linkIds.indexOf(id);
  if (k >= 0) return asset(w.linkAsset[k]!);
  return null;
}

const LINK_KIND = ['main', 'pump', 'valve'] as const;

/** "the pump at Southmead Pumping Station", "a water main", "a valve". */
function linkWords(index: WorldIndex, w: WaterView, id: string): string {
  const k = w.linkIds.indexOf(id);
  const kind = k >= 0 ? (LINK_KIND[w.linkType[k]!] ?? 'link') : 'link';
  const at = waterAssetName(index, id);
  return at ? `the ${kind} at ${at}` : kind === 'main' ? 'a water main' : `a ${kind}`;
}

/** "the level in Riverside South Water Tower", "the pressure at Old Town", "the flow through the pump at …". */
function sensorWords(index: WorldIndex, w: WaterView, sensor: string): string {
  const m = /^([PF])_(.+)$/.exec(sensor);
  if (!m) return 'a sensor';
  if (m[1] === 'F') return `the flow through ${linkWords(index, w, m[2]!)}`;
  const n = w.nodeIds.indexOf(m[2]!);
  const at = waterAssetName(index, m[2]!);
  if (n >= 0 && w.nodeType[n] === 2) return at ? `the level in ${at}` : 'a tank level';
  return at ? `the pressure at ${at}` : 'a pressure reading';
}

/** "the controller at Southmead Pumping Station" (a PLC), or "a controller". */
function plcWords(index: WorldIndex, plc: string): string {
  const at = waterAssetName(index, plc);
  return at ? `the controller at ${at}` : 'a controller';
}

const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** The event's line for the screen: describeEvent with names, and the model-id-heavy kinds said in words. */
export function eventText(e: SimEvent, index: WorldIndex | null): string {
  const nameOf = index ? (id: string) => index.nameOf(id) : (id: string) => id;
  const w = index?.view.water ?? null;
  const src = e.source ? nameOf(e.source) : 'the city';
  switch (e.type) {
    case 'inject.applied':
      return e.data.early ? `Fired early by the facilitator: ${e.data.title}` : `Inject on schedule: ${e.data.title}`;
    case 'inject.held':
      return `Held back by the facilitator: ${e.data.title}`;
    case 'inject.released':
      return `Released by the facilitator: ${e.data.title}`;
    case 'inject.skipped':
      return `Skipped by the facilitator: ${e.data.title}`;
    case 'inject.pressure':
      return `Pressure on the players: ${e.data.title}`;
    case 'power.bus.deenergized':
      return `${src}: no power (no generation left in its part of the grid)`;
    case 'power.bus.energized':
      return `${src}: power back`;
    case 'power.load.shed':
      return `${src}: ${e.data.shedMW.toFixed(1)} of ${e.data.loadMW.toFixed(1)} MW of demand cut`;
    case 'power.load.restored':
      return `${src}: all ${e.data.loadMW.toFixed(1)} MW of demand supplied again`;
    case 'power.breaker.opened':
    case 'power.breaker.closed': {
      const line = branchWords(index, e.data.branch);
      if (line) return `Breaker on ${line} ${e.type === 'power.breaker.opened' ? 'opened' : 'closed'} by ${e.data.actor}: ${e.data.reason}`;
      break;
    }
    case 'power.branch.tripped': {
      const line = branchWords(index, e.data.branch);
      if (line) return `${cap(line)} tripped by its protection after ${Math.round(e.data.overloadS)} s at ${Math.round(e.data.loadingPct)}% of its rating`;
      break;
    }
  }
  if (!w || !index) return describeEvent(e, nameOf);
  const reading = (m: number) => `${m.toFixed(2)} m`;
  switch (e.type) {
    case 'water.link.commanded': {
      const verb = linkWords(index, w, e.data.link).includes('pump') ? (e.data.open ? 'starts' : 'stops') : e.data.open ? 'opens' : 'closes';
      const spoofed = Math.abs(e.data.readingM - e.data.trueM) > 0.005 ? ` (truly ${reading(e.data.trueM)})` : '';
      return `${cap(plcWords(index, e.data.plc))} ${verb} ${linkWords(index, w, e.data.link)}: it reads ${sensorWords(index, w, e.data.sensor)} as ${reading(e.data.readingM)}${spoofed}`;
    }
    case 'water.pump.stopped':
      return `${src}: pump stopped (${e.data.reason})`;
    case 'water.pump.started':
      return `${src}: pump running again (${e.data.reason})`;
    case 'water.service.degraded':
      return `${src}: water service down to ${Math.round(e.data.servicePct)}% (low pressure)`;
    case 'water.service.lost':
      return `${src}: water service lost (${Math.round(e.data.servicePct)}% delivered)`;
    case 'water.service.restored':
      return `${src}: water service restored (${Math.round(e.data.servicePct)}%)`;
    case 'water.tank.level': {
      const tank = waterAssetName(index, e.data.tank) ?? src;
      return e.data.state === 'normal'
        ? `${tank}: back within its levels`
        : `${tank}: ${e.data.state === 'empty' ? 'has run dry' : 'is full'} (${reading(e.data.levelM)})`;
    }
    case 'water.sensor.spoofed': {
      const what = sensorWords(index, w, e.data.sensor);
      const to = e.data.to.toUpperCase() === 'SCADA' ? 'the control room' : plcWords(index, e.data.to);
      return e.data.mode === 'clear'
        ? `${cap(what)}, as ${to} gets it, is true again`
        : `${cap(what)}, as ${to} gets it, is faked (${e.data.mode}${e.data.mode === 'freeze' ? '' : ` ${e.data.value}`})`;
    }
    case 'water.plc.logic.changed':
      return e.data.restored
        ? `${cap(plcWords(index, e.data.plc))}: original control logic restored`
        : `${cap(plcWords(index, e.data.plc))}: control logic changed (${e.data.rules} rule${e.data.rules === 1 ? '' : 's'})`;
    case 'water.link.denied':
      return e.data.denied
        ? `Readings from ${plcWords(index, e.data.from)} no longer reach ${plcWords(index, e.data.to)}`
        : `Readings from ${plcWords(index, e.data.from)} reach ${plcWords(index, e.data.to)} again`;
    case 'water.dosing.changed':
      return `Chemical dosing${waterAssetName(index, e.data.node) ? ` at ${waterAssetName(index, e.data.node)}` : ''} set to ${e.data.setpointMgL} mg/L by ${e.data.actor}`;
    case 'water.quality.exceeded':
      return `${src}: chemical in the water reaches ${e.data.mgL.toFixed(1)} mg/L (limit ${e.data.limitMgL} mg/L)`;
    case 'water.zone.isolated': {
      const named = [...new Set(e.data.examples.map((id) => waterAssetName(index, id) ?? (index.assetIndex.has(id) ? nameOf(id) : null)).filter((x) => x))];
      const places = named.length > 0 ? ` (${named.join(', ')}${e.data.nodes > named.length ? ', …' : ''})` : '';
      const points = e.data.nodes === 1 ? '1 point of the water network' : `${e.data.nodes} points of the water network`;
      return e.data.isolated
        ? `${points} cut off from every reservoir and tank${places}: no water reaches them`
        : `${points} joined to a supply again${places}`;
    }
    default:
      return describeEvent(e, nameOf);
  }
}

/**
 * A line the worker wrote about commands ("send crews to substation-old-town, …", "secure vendor
 * aurora") with each asset or vendor id replaced by its name. Words that name nothing are kept.
 */
export function namesInText(text: string, index: WorldIndex | null): string {
  if (!index) return text;
  return text.replace(/[A-Za-z0-9][\w.-]*\w/g, (tok) => (index.assetIndex.has(tok) || index.view.vendors.some((v) => v.id === tok) ? index.nameOf(tok) : tok));
}
