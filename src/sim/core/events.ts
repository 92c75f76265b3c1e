/**
 * The events the simulation emits. Each event has an id, a time, a source asset (or null for
 * city-wide events) and the ids of the events that caused it, so the log is a causal graph.
 * Per-vehicle motion is state, not events.
 */
import type { AssetId, EdgeId, EventId, InjectId, VendorId } from './ids';
import type { SimMs } from './time';
import { formatClock, formatDuration } from './time';

export type AssetStatus = 'ok' | 'degraded' | 'down';
export type EdgeKind = 'physical' | 'cyber' | 'geographic' | 'logical';
export type Resource = 'power' | 'water' | 'comms' | 'control' | 'data' | 'service';
export type Actor = 'attacker' | 'operator' | 'scenario' | 'vendor';
/** A camera as its owner would describe it: working, dark for lack of power or network, or in an attacker's hands. */
export type CameraState = 'ok' | 'no-power' | 'no-network' | 'hijacked' | 'botnet' | 'offline';

/** Event payloads by type. Add a type here and every exhaustive switch tells you where to handle it. */
export interface EventPayloads {
  'sim.started': { scenarioId: string; seed: number };
  'inject.applied': { inject: InjectId; title: string; attack: string | null; early: boolean };
  'command.applied': { command: string; actor: Actor };
  'comms.link.congested': { link: string; utilisationPct: number; congested: boolean };
  'comms.device.lost': { reason: 'congestion' | 'blocked' | 'unreachable'; lossPct: number; delayMs: number };
  'comms.device.restored': { lossPct: number; delayMs: number };
  'comms.zone.isolated': { zone: string; isolated: boolean; actor: Actor };
  'comms.vendor.access': { vendor: VendorId; enabled: boolean; actor: Actor };
  'policy.changed': { policy: string; enabled: boolean; actor: Actor };
  'threat.stage': {
    campaign: string;
    stage: 'initial-access' | 'discovery' | 'lateral-movement' | 'impact' | 'blocked';
    technique: string;
    assets: number;
    zones: readonly string[];
    note: string;
  };
  'threat.response': { action: string; done: boolean; durationS: number; assets: number };
  'cctv.camera.state': { from: CameraState; to: CameraState; technique: string | null };
  'botnet.flood': { members: number; offeredMbps: number; started: boolean; technique: string };
  'data.exfiltration.started': { dataset: string; destinationJurisdiction: string; technique: string; via: 'network' | 'cloud' };
  'data.exfiltrated': { dataset: string; records: number; bytes: number; destinationJurisdiction: string };
  'data.exfiltration.detected': { dataset: string; bytes: number; delayS: number };
  'data.exfiltration.stopped': { dataset: string; reason: string };
  'data.disclosed': { dataset: string; vendor: VendorId; records: number; requestedBy: string; destinationJurisdiction: string; withheld: string | null };
  'inject.held': { inject: InjectId; title: string };
  'inject.released': { inject: InjectId; title: string };
  'inject.skipped': { inject: InjectId; title: string };
  'inject.pressure': { title: string; text: string };
  'decision.opened': { decision: string; title: string; budgetMs: number };
  'decision.taken': { decision: string; option: string; label: string; by: string; rationale: string; late: boolean };
  'decision.expired': { decision: string; title: string };
  'note.added': { text: string; author: string; kind: 'note' | 'evaluation'; expected: string | null; met: boolean | null };
  'vendor.access.compromised': { vendor: VendorId; technique: string; assets: number };
  'vendor.banned': { vendor: VendorId; kinds: readonly string[]; replacement: VendorId | null; assets: number; crews: number; endMs: SimMs };
  'vendor.asset.replaced': { vendor: VendorId; replacement: VendorId | null; kind: string; downS: number; remoteAccess: boolean };
  'asset.compromised': { vendor: VendorId | null; technique: string };
  'asset.secured': { previousTechnique: string };
  'asset.disabled': { actor: Actor; technique: string | null; reason: string };
  'asset.restored': { actor: Actor; reason: string };
  'asset.status.changed': { from: AssetStatus; to: AssetStatus; reason: string };
  'dependency.supply.lost': { edge: EdgeId; supplier: AssetId; resource: Resource; bufferMs: number };
  'dependency.buffer.exhausted': { edge: EdgeId; supplier: AssetId; resource: Resource };
  'dependency.supply.restored': { edge: EdgeId; supplier: AssetId; resource: Resource };
  'power.breaker.opened': { branch: string; actor: Actor; reason: string };
  'power.breaker.closed': { branch: string; actor: Actor; reason: string };
  'power.branch.tripped': { branch: string; loadingPct: number; overloadS: number };
  'power.bus.deenergized': { bus: string; island: number };
  'power.bus.energized': { bus: string };
  'power.load.shed': { bus: string; shedMW: number; loadMW: number };
  'power.load.restored': { bus: string; loadMW: number };
  'power.generator.tripped': { generator: string; actor: Actor };
  'power.protection.changed': { branches: number; enabled: boolean; actor: Actor };
  'power.telemetry.spoofed': { branches: number; mode: 'freeze' | 'scale' | 'clear'; factor: number };
  'power.load.disconnected': { buses: number; share: number; actor: Actor };
  'power.crew.dispatched': { substation: AssetId; etaS: number; manual: boolean };
  'traffic.signal.mode': {
    from: 'normal' | 'fixed' | 'dark' | 'all-red' | 'all-green';
    to: 'normal' | 'fixed' | 'dark' | 'all-red' | 'all-green';
    reason: string;
  };
  'traffic.conflict': { conflicts: number; total: number };
  'traffic.gridlock': { stuck: number; cleared: boolean };
  'traffic.emergency.dispatched': { unit: string; to: AssetId; kind: 'ambulance' | 'police' };
  'traffic.emergency.arrived': { unit: string; responseS: number };
  'traffic.link.closed': { link: string; actor: Actor };
  'traffic.link.opened': { link: string; actor: Actor };
  'water.pump.stopped': { pump: string; reason: string };
  'water.pump.started': { pump: string; reason: string };
  'water.link.commanded': { link: string; open: boolean; plc: string; sensor: string; readingM: number; trueM: number };
  'water.service.degraded': { node: string; servicePct: number };
  'water.service.lost': { node: string; servicePct: number };
  'water.service.restored': { node: string; servicePct: number };
  'water.tank.level': { tank: string; state: 'empty' | 'full' | 'normal'; levelM: number };
  'water.sensor.spoofed': { sensor: string; to: string; mode: 'constant' | 'offset' | 'scale' | 'freeze' | 'clear'; value: number };
  'water.plc.logic.changed': { plc: string; rules: number; restored: boolean };
  'water.link.denied': { from: string; to: string; denied: boolean };
  'water.dosing.changed': { node: string; setpointMgL: number; actor: Actor };
  'water.quality.exceeded': { node: string; mgL: number; limitMgL: number };
  'water.zone.isolated': { nodes: number; examples: readonly string[]; isolated: boolean };
  'water.hydraulics.unsolved': { reason: string };
  'water.hydraulics.solved': { reason: string };
  'privacy.policy.changed': { dataset: string; summary: string };
  'privacy.dataset.acquired': { dataset: string; how: string; records: number };
}

export type EventType = keyof EventPayloads;

export type SimEvent = {
  [K in EventType]: {
    readonly id: EventId;
    readonly tMs: SimMs;
    readonly type: K;
    readonly source: AssetId | null;
    readonly causes: readonly EventId[];
    readonly data: EventPayloads[K];
  };
}[EventType];

export type EventOf<K extends EventType> = Extract<SimEvent, { type: K }>;

/** City-grid lines are named "line-a-b"; MATPOWER branches are numbered. */
const lineName = (b: string) => (b.startsWith('line-') ? `the ${b.slice(5)} line` : `line ${b}`);
const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

/** A one-line plain-language description of an event, for logs, tooltips and reports. */
export function describeEvent(e: SimEvent, name: (id: string) => string = (id) => id): string {
  const src = e.source ? name(e.source) : 'the city';
  switch (e.type) {
    case 'sim.started':
      return `Simulation started (scenario ${e.data.scenarioId}, seed ${e.data.seed})`;
    case 'inject.applied':
      return `Inject${e.data.early ? ' (fired early)' : ''}: ${e.data.title}`;
    case 'command.applied':
      return `${e.data.actor} command: ${e.data.command}`;
    case 'comms.link.congested':
      return e.data.congested
        ? `Network link ${e.data.link} congested: offered ${Math.round(e.data.utilisationPct)}% of its capacity`
        : `Network link ${e.data.link} no longer congested`;
    case 'comms.device.lost':
      return e.data.reason === 'blocked'
        ? `${src} lost comms: its control traffic is blocked by the firewall`
        : e.data.reason === 'unreachable'
          ? `${src} lost comms: its control room cannot be reached`
          : `${src} lost comms: control traffic misses its deadline (${Math.round(e.data.lossPct)}% lost, ${Math.round(e.data.delayMs)} ms delay)`;
    case 'comms.device.restored':
      return `${src}: comms restored (${Math.round(e.data.lossPct)}% lost, ${Math.round(e.data.delayMs)} ms delay)`;
    case 'comms.zone.isolated':
      return `Network zone ${e.data.zone} ${e.data.isolated ? 'isolated' : 'reconnected'} by ${e.data.actor}`;
    case 'comms.vendor.access':
      return `${name(e.data.vendor)}'s remote-maintenance access ${e.data.enabled ? 'restored' : 'cut'} by ${e.data.actor}`;
    case 'policy.changed':
      return `Policy ${e.data.policy} ${e.data.enabled ? 'in force' : 'lifted'} (${e.data.actor})`;
    case 'threat.stage':
      return `Attack ${e.data.campaign}, ${e.data.stage} (${e.data.technique}): ${e.data.note}`;
    case 'threat.response':
      return `Response ${e.data.action} ${e.data.done ? 'complete' : `under way (${Math.round(e.data.durationS / 60)} min)`} on ${e.data.assets} asset(s)`;
    case 'cctv.camera.state':
      return `${src}: camera ${e.data.to === 'ok' ? 'working again' : e.data.to === 'hijacked' ? 'view hijacked (looped or blinded)' : e.data.to === 'botnet' ? 'recruited into a botnet' : e.data.to === 'no-power' ? 'dark: no power' : e.data.to === 'offline' ? 'dark: out of service (switched off or being replaced)' : 'dark: no network'}${e.data.technique ? ` (${e.data.technique})` : ''}`;
    case 'botnet.flood':
      return e.data.started
        ? `Botnet of ${e.data.members} device(s) floods the network with ${Math.round(e.data.offeredMbps)} Mb/s (${e.data.technique})`
        : `Botnet flood stops`;
    case 'data.exfiltration.started':
      return `Exfiltration of ${e.data.dataset} to ${e.data.destinationJurisdiction} begins (${e.data.technique}, via ${e.data.via})`;
    case 'data.exfiltrated':
      return `${e.data.records} records of ${e.data.dataset} (${(e.data.bytes / 1e6).toFixed(1)} MB) now in ${e.data.destinationJurisdiction}`;
    case 'data.exfiltration.detected':
      return `Egress monitoring flags ${e.data.dataset} leaving (${(e.data.bytes / 1e6).toFixed(1)} MB, ${Math.round(e.data.delayS / 60)} min after it began)`;
    case 'data.exfiltration.stopped':
      return `Exfiltration of ${e.data.dataset} stops: ${e.data.reason}`;
    case 'data.disclosed':
      return e.data.withheld
        ? `${name(e.data.vendor)} ordered by ${e.data.requestedBy} to disclose ${e.data.dataset}: withheld (${e.data.withheld})`
        : `${name(e.data.vendor)} discloses ${e.data.records} records of ${e.data.dataset} to ${e.data.requestedBy} under legal order`;
    case 'inject.held':
      return `Inject held: ${e.data.title}`;
    case 'inject.released':
      return `Inject released: ${e.data.title}`;
    case 'inject.skipped':
      return `Inject skipped: ${e.data.title}`;
    case 'inject.pressure':
      return `Pressure inject: ${e.data.title}`;
    case 'decision.opened':
      return `Decision needed: ${e.data.title}`;
    case 'decision.taken':
      return `Decision${e.data.late ? ' (after its time budget)' : ''}: ${e.data.label}${e.data.by ? ` — ${e.data.by}` : ''}${e.data.rationale ? `: "${e.data.rationale}"` : ''}`;
    case 'decision.expired':
      return `No decision in time: ${e.data.title}`;
    case 'note.added':
      return `${e.data.kind === 'evaluation' ? 'Evaluator' : 'Note'}${e.data.author ? ` (${e.data.author})` : ''}: ${e.data.text}`;
    case 'vendor.access.compromised':
      return `Attacker gains ${name(e.data.vendor)}'s remote access (${e.data.technique}), reaching ${e.data.assets} assets`;
    case 'vendor.banned':
      return e.data.assets === 0
        ? `${name(e.data.vendor)} banned from ${e.data.kinds.join(', ')}: it supplies none of them here, nothing to replace`
        : `${name(e.data.vendor)} banned from ${e.data.kinds.join(', ')}: ${e.data.crews} crew(s) replace its ${e.data.assets} asset(s) with ${e.data.replacement ? `kit from ${name(e.data.replacement)}` : 'unbranded kit'}, each out of service while it is swapped, until ${formatClock(e.data.endMs)}`;
    case 'vendor.asset.replaced':
      return `${src} replaced: ${e.data.replacement ? `now supplied by ${name(e.data.replacement)}` : 'no vendor any more'}${e.data.remoteAccess ? ' (with its remote maintenance)' : ', no vendor remote access'}, after ${formatDuration(e.data.downS * 1000)} out of service; ${name(e.data.vendor)}'s access and any foothold on it are gone`;
    case 'asset.compromised':
      return `${src} compromised (${e.data.technique})`;
    case 'asset.secured':
      return `${src} secured: attacker access removed`;
    case 'asset.disabled':
      return `${src} taken out of service by ${e.data.actor}: ${e.data.reason}`;
    case 'asset.restored':
      return `${src} returned to service by ${e.data.actor}: ${e.data.reason}`;
    case 'asset.status.changed':
      return `${src} is ${e.data.to} (was ${e.data.from}): ${e.data.reason}`;
    case 'dependency.supply.lost':
      return e.data.bufferMs > 0
        ? `${src} lost ${e.data.resource} from ${name(e.data.supplier)}; running on backup`
        : `${src} lost ${e.data.resource} from ${name(e.data.supplier)}`;
    case 'dependency.buffer.exhausted':
      return `${src}: backup for ${e.data.resource} exhausted`;
    case 'dependency.supply.restored':
      return `${src}: ${e.data.resource} restored from ${name(e.data.supplier)}`;
    case 'power.breaker.opened':
      return `Breaker on ${lineName(e.data.branch)} opened by ${e.data.actor}: ${e.data.reason}`;
    case 'power.breaker.closed':
      return `Breaker on ${lineName(e.data.branch)} closed by ${e.data.actor}: ${e.data.reason}`;
    case 'power.branch.tripped':
      return `${cap(lineName(e.data.branch))} tripped by its protection after ${Math.round(e.data.overloadS)} s at ${Math.round(e.data.loadingPct)}% of its rating`;
    case 'power.bus.deenergized':
      return `${src}: bus ${e.data.bus} de-energised (no generation left in its island)`;
    case 'power.bus.energized':
      return `${src}: bus ${e.data.bus} energised again`;
    case 'power.load.shed':
      return `${src}: ${e.data.shedMW.toFixed(1)} of ${e.data.loadMW.toFixed(1)} MW of load shed at bus ${e.data.bus}`;
    case 'power.load.restored':
      return `${src}: all ${e.data.loadMW.toFixed(1)} MW of load served again at bus ${e.data.bus}`;
    case 'power.generator.tripped':
      return `Generator ${e.data.generator} tripped by ${e.data.actor}`;
    case 'power.protection.changed':
      return `Protection ${e.data.enabled ? 'restored' : 'disabled'} on ${e.data.branches} line(s) by ${e.data.actor}`;
    case 'power.telemetry.spoofed':
      return e.data.mode === 'clear'
        ? `SCADA telemetry on ${e.data.branches} line(s) true again`
        : `SCADA telemetry on ${e.data.branches} line(s) spoofed (${e.data.mode === 'freeze' ? 'frozen' : `scaled ×${e.data.factor}`})`;
    case 'power.load.disconnected':
      return e.data.share > 0
        ? `Smart meters disconnect ${Math.round(e.data.share * 100)}% of load at ${e.data.buses} bus(es)`
        : `Smart-meter load reconnected at ${e.data.buses} bus(es)`;
    case 'power.crew.dispatched':
      return `Crew sent to ${name(e.data.substation)}; ${e.data.manual ? 'manual switching' : 'remote switching'} in ${Math.round(e.data.etaS / 60)} min`;
    case 'traffic.signal.mode':
      return `${src}: ${e.data.reason} (was ${e.data.from})`;
    case 'traffic.conflict':
      return `${src}: ${e.data.conflicts} conflicting movement(s) through the junction — crash risk (${e.data.total} so far)`;
    case 'traffic.gridlock':
      return e.data.cleared ? 'Gridlock cleared: no vehicle stuck for over 5 minutes' : `Gridlock: ${e.data.stuck} vehicle(s) stuck for over 5 minutes`;
    case 'traffic.emergency.dispatched':
      return `${e.data.kind === 'ambulance' ? 'Ambulance' : 'Police unit'} ${e.data.unit} sent from ${src} to ${name(e.data.to)}`;
    case 'traffic.emergency.arrived':
      return `${e.data.unit} reached ${src} after ${Math.round(e.data.responseS / 60)} min ${Math.round(e.data.responseS % 60)} s`;
    case 'traffic.link.closed':
      return `Road ${e.data.link} closed by ${e.data.actor}`;
    case 'traffic.link.opened':
      return `Road ${e.data.link} reopened by ${e.data.actor}`;
    case 'water.pump.stopped':
      return `${src}: pump ${e.data.pump} stopped (${e.data.reason})`;
    case 'water.pump.started':
      return `${src}: pump ${e.data.pump} running again (${e.data.reason})`;
    case 'water.link.commanded':
      return `${e.data.plc} ${e.data.open ? 'opens' : 'closes'} ${e.data.link}: it reads ${e.data.sensor} = ${e.data.readingM.toFixed(2)}${Math.abs(e.data.readingM - e.data.trueM) > 0.005 ? ` (truly ${e.data.trueM.toFixed(2)})` : ''}`;
    case 'water.service.degraded':
      return `${src}: water service down to ${Math.round(e.data.servicePct)}% at node ${e.data.node} (low pressure)`;
    case 'water.service.lost':
      return `${src}: water service lost at node ${e.data.node} (${Math.round(e.data.servicePct)}% delivered)`;
    case 'water.service.restored':
      return `${src}: water service restored at node ${e.data.node} (${Math.round(e.data.servicePct)}%)`;
    case 'water.tank.level':
      return e.data.state === 'normal'
        ? `${src}: tank ${e.data.tank} back within its levels`
        : `${src}: tank ${e.data.tank} ${e.data.state === 'empty' ? 'has run dry' : 'is full'} (${e.data.levelM.toFixed(2)} m)`;
    case 'water.sensor.spoofed':
      return e.data.mode === 'clear'
        ? `Reading ${e.data.sensor} to ${e.data.to} true again`
        : `Reading ${e.data.sensor} sent to ${e.data.to} spoofed (${e.data.mode}${e.data.mode === 'freeze' ? '' : ` ${e.data.value}`})`;
    case 'water.plc.logic.changed':
      return e.data.restored ? `${e.data.plc}: original control logic restored` : `${e.data.plc}: control logic changed (${e.data.rules} rule(s))`;
    case 'water.link.denied':
      return e.data.denied ? `Link ${e.data.from} → ${e.data.to} denied: readings no longer arrive` : `Link ${e.data.from} → ${e.data.to} restored`;
    case 'water.dosing.changed':
      return `Chemical dosing at ${e.data.node} set to ${e.data.setpointMgL} mg/L by ${e.data.actor}`;
    case 'water.quality.exceeded':
      return `${src}: chemical at node ${e.data.node} reaches ${e.data.mgL.toFixed(1)} mg/L (limit ${e.data.limitMgL} mg/L)`;
    case 'water.zone.isolated':
      return e.data.isolated
        ? `${e.data.nodes} water node(s) cut off from every reservoir and tank (${e.data.examples.map(name).join(', ')}${e.data.nodes > e.data.examples.length ? ', …' : ''}): no water reaches them`
        : `${e.data.nodes} water node(s) joined to a supply again (${e.data.examples.map(name).join(', ')}${e.data.nodes > e.data.examples.length ? ', …' : ''})`;
    case 'water.hydraulics.unsolved':
      return `The water network cannot be solved in this state (${e.data.reason}); the last solved pressures and flows stand until it can`;
    case 'water.hydraulics.solved':
      return 'The water network can be solved again';
    case 'privacy.policy.changed':
      return `Anonymisation of the ${e.data.dataset} dataset changed: ${e.data.summary}`;
    case 'privacy.dataset.acquired':
      return `Attacker holds the ${e.data.dataset} dataset (${e.data.how}, ${e.data.records} records)`;
    default: {
      const never: never = e;
      return String(never);
    }
  }
}
