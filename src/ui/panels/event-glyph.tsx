/**
 * A small symbol per kind of event, so the log and chains can be scanned without reading colour.
 * Core events have their own; subsystem events (power.*, water.*, …) are read from their names,
 * so a new subsystem's events show sensibly before anyone gives them a glyph of their own.
 */
import type { SimEvent } from '../../sim';
import { COMPROMISED_COLOR, STATUS_COLOR, SUPPLY_COLOR } from '../palette';

interface Glyph {
  readonly sym: string;
  readonly color: string;
  readonly label: string;
}

const NEUTRAL = '#8a96ad';

const CORE: Record<string, Glyph> = {
  'sim.started': { sym: '▶', color: NEUTRAL, label: 'start' },
  'inject.applied': { sym: '⚡', color: '#ffd166', label: 'inject' },
  'command.applied': { sym: '⌘', color: NEUTRAL, label: 'command' },
  'vendor.access.compromised': { sym: '⚠', color: COMPROMISED_COLOR, label: 'vendor compromised' },
  'asset.compromised': { sym: '◎', color: COMPROMISED_COLOR, label: 'compromised' },
  'asset.secured': { sym: '✓', color: STATUS_COLOR.ok, label: 'secured' },
  'asset.disabled': { sym: '⊘', color: STATUS_COLOR.down, label: 'disabled' },
  'asset.restored': { sym: '↺', color: STATUS_COLOR.ok, label: 'restored' },
  'dependency.buffer.exhausted': { sym: '◔', color: SUPPLY_COLOR[2], label: 'backup exhausted' },
  'dependency.supply.restored': { sym: '⤳', color: STATUS_COLOR.ok, label: 'supply restored' },
  'water.pump.stopped': { sym: '⏻', color: STATUS_COLOR.down, label: 'pump stopped' },
  'water.pump.started': { sym: '⏻', color: STATUS_COLOR.ok, label: 'pump running' },
  'water.link.commanded': { sym: '⇋', color: NEUTRAL, label: 'PLC command' },
  'water.service.degraded': { sym: '▽', color: STATUS_COLOR.degraded, label: 'low water pressure' },
  'water.service.lost': { sym: '▼', color: STATUS_COLOR.down, label: 'no water' },
  'water.service.restored': { sym: '▲', color: STATUS_COLOR.ok, label: 'water back' },
  'water.tank.level': { sym: '◫', color: '#4fa3e0', label: 'tank empty or full' },
  'water.sensor.spoofed': { sym: '◎', color: COMPROMISED_COLOR, label: 'reading spoofed' },
  'water.plc.logic.changed': { sym: '⌬', color: COMPROMISED_COLOR, label: 'PLC logic changed' },
  'water.link.denied': { sym: '⊘', color: COMPROMISED_COLOR, label: 'PLC link denied' },
  'water.dosing.changed': { sym: '⚗', color: '#ffd166', label: 'dosing changed' },
  'water.quality.exceeded': { sym: '☣', color: STATUS_COLOR.down, label: 'unsafe water' },
  'privacy.dataset.acquired': { sym: '⛁', color: COMPROMISED_COLOR, label: 'attacker holds a dataset' },
  'privacy.policy.changed': { sym: '⚙', color: NEUTRAL, label: 'anonymisation changed' },
  'threat.stage': { sym: '☠', color: COMPROMISED_COLOR, label: 'attack stage' },
  'botnet.flood': { sym: '≋', color: COMPROMISED_COLOR, label: 'botnet flood' },
  'data.exfiltration.started': { sym: '⇪', color: COMPROMISED_COLOR, label: 'exfiltration' },
  'data.exfiltrated': { sym: '⇪', color: COMPROMISED_COLOR, label: 'data taken' },
  'data.disclosed': { sym: '⚖', color: COMPROMISED_COLOR, label: 'compelled disclosure' },
  'data.exfiltration.detected': { sym: '◉', color: '#ffd166', label: 'exfiltration detected' },
  'policy.changed': { sym: '§', color: NEUTRAL, label: 'policy' },
  'threat.response': { sym: '⛨', color: STATUS_COLOR.ok, label: 'response' },
  'comms.zone.isolated': { sym: '⛨', color: '#ffd166', label: 'zone isolated' },
};

/** Words in a subsystem event's name that say which way it went. */
const BAD = /(tripped|deenergized|lost|shed|opened|failed|down|exhausted|disconnected|overload)/;
const GOOD = /(energized|restored|closed|recovered|reconnected|up$)/;
const SNEAKY = /(spoofed|exfiltrated|compromised|protection)/;

function glyphOf(e: SimEvent): Glyph {
  const core = CORE[e.type];
  if (core) return core;
  if (e.type === 'asset.status.changed') {
    const to = e.data.to;
    return { sym: to === 'down' ? '✕' : to === 'degraded' ? '▲' : '●', color: STATUS_COLOR[to], label: to };
  }
  if (e.type === 'dependency.supply.lost') {
    return { sym: '⤳', color: e.data.bufferMs > 0 ? SUPPLY_COLOR[1] : SUPPLY_COLOR[2], label: 'supply lost' };
  }
  const t: string = e.type;
  if (SNEAKY.test(t)) return { sym: '◎', color: COMPROMISED_COLOR, label: t };
  if (GOOD.test(t) && !/deenergized/.test(t)) return { sym: '●', color: STATUS_COLOR.ok, label: t };
  if (BAD.test(t)) return { sym: '▼', color: STATUS_COLOR.down, label: t };
  return { sym: '•', color: NEUTRAL, label: t };
}

export function EventGlyph({ event }: { event: SimEvent }) {
  const g = glyphOf(event);
  return (
    <span className="event-glyph" style={{ color: g.color }} title={g.label} aria-hidden="true">
      {g.sym}
    </span>
  );
}
