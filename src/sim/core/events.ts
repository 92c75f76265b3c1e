/**
 * The events the simulation emits. Each event has an id, a time, a source asset (or null for
 * city-wide events) and the ids of the events that caused it, so the log is a causal graph.
 * Per-vehicle motion is state, not events.
 */
import type { AssetId, EdgeId, EventId, InjectId, VendorId } from './ids';
import type { SimMs } from './time';

export type AssetStatus = 'ok' | 'degraded' | 'down';
export type EdgeKind = 'physical' | 'cyber' | 'geographic' | 'logical';
export type Resource = 'power' | 'water' | 'comms' | 'control' | 'data' | 'service';
export type Actor = 'attacker' | 'operator' | 'scenario' | 'vendor';

/** Event payloads by type. Add a type here and every exhaustive switch tells you where to handle it. */
export interface EventPayloads {
  'sim.started': { scenarioId: string; seed: number };
  'inject.applied': { inject: InjectId; title: string; attack: string | null; early: boolean };
  'command.applied': { command: string; actor: Actor };
  'vendor.access.compromised': { vendor: VendorId; technique: string; assets: number };
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
  'traffic.signal.mode': { from: 'normal' | 'fixed' | 'dark' | 'all-red' | 'all-green'; to: 'normal' | 'fixed' | 'dark' | 'all-red' | 'all-green'; reason: string };
  'traffic.conflict': { conflicts: number; total: number };
  'traffic.gridlock': { stuck: number; cleared: boolean };
  'traffic.emergency.dispatched': { unit: string; to: AssetId; kind: 'ambulance' | 'police' };
  'traffic.emergency.arrived': { unit: string; responseS: number };
  'traffic.link.closed': { link: string; actor: Actor };
  'traffic.link.opened': { link: string; actor: Actor };
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
    case 'vendor.access.compromised':
      return `Attacker gains ${name(e.data.vendor)}'s remote access (${e.data.technique}), reaching ${e.data.assets} assets`;
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
      return `Breaker on line ${e.data.branch} opened by ${e.data.actor}: ${e.data.reason}`;
    case 'power.breaker.closed':
      return `Breaker on line ${e.data.branch} closed by ${e.data.actor}: ${e.data.reason}`;
    case 'power.branch.tripped':
      return `Line ${e.data.branch} tripped by its protection after ${Math.round(e.data.overloadS)} s at ${Math.round(e.data.loadingPct)}% of its rating`;
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
      return e.data.mode === 'clear' ? `SCADA telemetry on ${e.data.branches} line(s) true again` : `SCADA telemetry on ${e.data.branches} line(s) spoofed (${e.data.mode === 'freeze' ? 'frozen' : `scaled ×${e.data.factor}`})`;
    case 'power.load.disconnected':
      return e.data.share > 0 ? `Smart meters disconnect ${Math.round(e.data.share * 100)}% of load at ${e.data.buses} bus(es)` : `Smart-meter load reconnected at ${e.data.buses} bus(es)`;
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
