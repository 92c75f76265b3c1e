/**
 * Messages between the page and the simulation worker. Everything is plain data; large arrays
 * travel as transferables. The page never reaches into sim objects.
 */
import type { CyberView } from './cyber-view';
import type { Command, CausalChain, EdgeKind, LoggedCommand, Resource, SimEvent, SimSnapshot, KpiDef, CityModel, VendorSpec } from '../sim';

import type { ScenarioIssue } from '../scenario';
import type { ExerciseFromWorker, ExerciseToWorker, InjectView } from './exercise-protocol';
import type { PrivacyView, PrivacyWhatIf } from './privacy-query';
import type { LiveCoverage } from './live-coverage';
import type { UnknownRef } from './command-refs';
import type { OwnCheck, OwnFiles } from './own-scenarios';

/** An error in a scenario file: where, what was expected, and how to fix it (defined by the loader). */
export type { ScenarioIssue };

/** A hosted exercise's clock as the worker follows it (hosted/protocol.ts's HostedClock). */
export interface FollowClock {
  readonly clockMs: number;
  readonly grantedMs: number;
  readonly playing: boolean;
  readonly speed: number;
}

/** Static description of the loaded city, sent once after a load. Arrays are in asset/edge order. */
export interface WorldView {
  readonly scenario: {
    readonly id: string;
    readonly title: string;
    readonly summary: string;
    readonly audience: readonly string[];
    readonly objectives: readonly string[];
    readonly durationMs: number;
  };
  readonly seed: number;
  /** The city as the simulation holds it: buildings as structure-of-arrays (x, z centre; w, d, h metres; district index; use), real footprints where the source had them. */
  readonly city: CityModel;
  readonly assets: readonly {
    readonly id: string;
    readonly kind: string;
    readonly subsystem: string;
    readonly name: string;
    readonly position: readonly [number, number];
    readonly vendor: string | null;
    readonly remoteAccess: boolean;
    readonly firmware: string | null;
    readonly district: string | null;
    readonly population: number;
    readonly critical: boolean;
    /** Laid out by an importer where its source (OpenStreetMap) maps nothing; false for mapped and generated-city assets. */
    readonly synthetic: boolean;
  }[];
  readonly edges: readonly {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    readonly kind: EdgeKind;
    readonly resource: Resource;
    readonly bufferMs: number;
    readonly effect: 'down' | 'degraded';
    /** Edges in one group are redundant supplies of the same resource. */
    readonly group: string | null;
    readonly note: string | null;
  }[];
  readonly vendors: readonly VendorSpec[];
  readonly injects: readonly InjectView[];
  readonly kpis: readonly KpiDef[];
  /** The electricity grid's static layout, when the scenario has one (per-frame state is SimSnapshot.power). */
  readonly power?: PowerView | null;
  /** The road network's static layout, when the scenario has traffic (per-frame state is SimSnapshot.traffic). */
  readonly traffic?: TrafficView | null;
  /** The water network's static layout, when the scenario has one (per-frame state is SimSnapshot.water). */
  readonly water?: WaterView | null;
  /** The comms network, cameras and vendors' exposure, when the scenario has them (per-frame state is SimSnapshot.cyber). */
  readonly cyber?: CyberView | null;
}

/** A water network as the water layer draws it; arrays in EPANET's order (the snapshot's order). */
export interface WaterView {
  /** The flow unit of the .inp file (results are always SI). */
  readonly fileUnits: string;
  readonly nodeIds: readonly string[];
  /** 0 junction, 1 reservoir, 2 tank. */
  readonly nodeType: Uint8Array;
  readonly nodeX: Float32Array;
  readonly nodeZ: Float32Array;
  /** Asset index standing for the node (a tower, a reservoir), or -1. */
  readonly nodeAsset: Int32Array;
  readonly tankMaxM: Float32Array;
  readonly linkIds: readonly string[];
  /** 0 pipe, 1 pump, 2 valve. */
  readonly linkType: Uint8Array;
  readonly linkFrom: Int32Array;
  readonly linkTo: Int32Array;
  /** Asset index standing for the link (a pumping station, a pump, a valve), or -1. */
  readonly linkAsset: Int32Array;
  /** Demand nodes that decide an asset's water, in the snapshot's consumer order. */
  readonly consumers: readonly { readonly asset: number; readonly node: number; readonly storageMin: number }[];
  /** PLC sensors in the snapshot's sensor order, with the PLC that owns each. */
  readonly sensors: readonly { readonly id: string; readonly plc: string }[];
  readonly plcs: readonly {
    readonly id: string;
    readonly asset: number;
    readonly actuators: readonly string[];
    readonly sensors: readonly string[];
    /** Rules as first loaded (an attack may move their levels; the event log says so). */
    readonly rules: readonly {
      readonly id: string;
      readonly link: string;
      readonly open: boolean;
      readonly sensor: string;
      readonly below: boolean;
      readonly levelM: number;
    }[];
  }[];
}

/** Roads as the traffic layer draws them; arrays in the network's link order (the snapshot's order). */
export interface TrafficView {
  /** Per link: from x, z, to x, z (m). */
  readonly links: Float32Array;
  /** Per link: lanes in its direction. */
  readonly lanes: Uint8Array;
  /** Per signal, in the snapshot's order: the asset (index, or -1), where it is, and its plan. */
  readonly signals: readonly {
    readonly asset: number;
    readonly x: number;
    readonly z: number;
    readonly plan: {
      readonly kind: 'fixed' | 'actuated';
      readonly greenS: number;
      readonly amberS: number;
      readonly allRedS: number;
      readonly minGreenS: number;
      readonly maxGreenS: number;
    };
  }[];
  /** Per signal approach (an incoming link; the order of the snapshot's `approaches`), for the lamps. */
  readonly approaches: SignalApproachView;
}

/** Signal approaches: their signal and link, and x, z (m) and heading (rad) where each one's stop line crosses the middle of its carriageway. */
export interface SignalApproachView {
  readonly signal: Int32Array;
  readonly link: Int32Array;
  readonly stop: Float32Array;
}

/** A grid as the power layer draws it. Arrays are in the network's order (the snapshot's order). */
export interface PowerView {
  readonly buses: readonly {
    readonly id: string;
    /** Index of the asset that stands for the bus (a substation), or -1. */
    readonly asset: number;
    /** Ground position (x, z) in metres: its asset's, or null when the bus has none. */
    readonly position: readonly [number, number] | null;
  }[];
  readonly branches: readonly { readonly id: string; readonly from: number; readonly to: number; readonly ratingMW: number }[];
  readonly generators: readonly { readonly id: string; readonly bus: number; readonly pmaxMW: number }[];
}

export type ToWorker =
  /** `commands`: a hosted exercise's log so far, applied at the times it gives (a late joiner's catch-up). */
  | { readonly type: 'load'; readonly scenario: string; readonly text?: string; readonly seed?: number; readonly commands?: readonly LoggedCommand[] }
  /**
   * A hosted exercise's clock: the run follows it, never past `grantedMs`, and play, pause and speed
   * from the page are ignored while it does; null goes back to the page's own controls.
   */
  | { readonly type: 'follow'; readonly clock: FollowClock | null }
  /** A command of the hosted log, for the tick that starts at `tMs`. */
  | { readonly type: 'follow-command'; readonly tMs: number; readonly command: Command }
  /** A scenario the user opened ("own:ID"): its text and data files, kept here so loads by that name find them. */
  | { readonly type: 'own-files'; readonly scenario: string; readonly text: string; readonly files: OwnFiles }
  /** Checks files the user chose (a scenario and what it references, or an .osm extract) as `twin validate` would. */
  | { readonly type: 'checkOwn'; readonly reqId: number; readonly files: OwnFiles }
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'speed'; readonly factor: number }
  /** A live command; `seq` is echoed in its command-result. */
  | { readonly type: 'command'; readonly command: Command; readonly seq?: number }
  /** Advances simulated time by `ms` as fast as the budget allows, then pauses (a "skip ahead"). */
  | { readonly type: 'step'; readonly ms: number }
  | { readonly type: 'explain'; readonly reqId: number; readonly eventId: string }
  | { readonly type: 'why'; readonly reqId: number; readonly assetId: string }
  | { readonly type: 'edgeBuffers'; readonly reqId: number; readonly assetId: string }
  | { readonly type: 'vehicle'; readonly reqId: number; readonly slot: number }
  /** A signal controller's stages and movements, by its asset id. */
  | { readonly type: 'signal'; readonly reqId: number; readonly assetId: string }
  | { readonly type: 'hashAt'; readonly reqId: number; readonly untilMs: number; readonly commands?: readonly LoggedCommand[] }
  /** The run's hash where it is now, and the time it is at. */
  | { readonly type: 'hashNow'; readonly reqId: number }
  /** The privacy analysis of what the attacker holds, or of a what-if (on demand: it takes a second or more). */
  | { readonly type: 'privacy'; readonly reqId: number; readonly whatIf?: PrivacyWhatIf }
  /** The page has drawn the city: the worker can give the residents' history the processor (see sim.worker.ts). */
  | { readonly type: 'drawn' }
  /** Test only (window.__twin.failAt): make the simulation fail whenever its clock reaches `atMs` (null: never). See test-fault.ts. */
  | { readonly type: 'test-fault'; readonly atMs: number | null }
  /** Time travel, sessions, the B run and the report (exercise-protocol.ts). */
  | ExerciseToWorker;

export type FromWorker =
  | { readonly type: 'loaded'; readonly world: WorldView; readonly loadMs: number }
  | { readonly type: 'load-error'; readonly scenario: string; readonly issues: readonly ScenarioIssue[] }
  /**
   * After 'loaded', while a part prepares before the run can start (the residents' recorded
   * history): how far it has got (0..1). The first frame follows when all are ready; controls sent
   * meanwhile wait for it.
   */
  | { readonly type: 'preparing'; readonly part: string; readonly fraction: number }
  | {
      readonly type: 'frame';
      readonly snapshot: SimSnapshot;
      /** Events emitted since the previous frame, in order. */
      readonly events: readonly SimEvent[];
      /** KPI points added since the previous frame, by KPI id: [tS, value]. */
      readonly kpiPoints: Record<string, [number, number][]>;
      readonly playing: boolean;
      readonly speed: number;
      /** Simulated ms advanced per wall second over the last second (0 when paused). */
      readonly achievedSpeed: number;
    }
  | {
      readonly type: 'reply';
      readonly reqId: number;
      readonly result: CausalChain | null | string | EdgeBufferInfo[] | VehicleInfo | SignalInfo | PrivacyView | OwnCheck | ReplyOf['hashNow'];
    }
  /** A request that could not be answered (unknown asset, nothing loaded): a readable message, no stack. */
  | { readonly type: 'reply-error'; readonly reqId: number; readonly message: string }
  /** What became of a live command: applied, or refused because it names ids this world does not have. */
  | {
      readonly type: 'command-result';
      readonly seq: number | null;
      readonly command: Command;
      readonly applied: boolean;
      readonly refused: readonly UnknownRef[];
    }
  /** A hosted command came for a tick the run had passed: the page reloads from the log. */
  | { readonly type: 'follow-error'; readonly message: string }
  /** The simulation stopped; `atMs` is its clock when it failed (0 while a scenario was being built). */
  | { readonly type: 'fatal'; readonly message: string; readonly atMs?: number }
  /** Camera coverage now, sent when the set of working cameras changes (throttled; see live-coverage.ts). */
  | { readonly type: 'coverage'; readonly coverage: LiveCoverage }
  /** A step of the worker's start or of a load, at wall-clock time `epochMs` (boot-marks.ts). */
  | { readonly type: 'mark'; readonly name: string; readonly epochMs: number }
  | ExerciseFromWorker;

/** What each request message is answered with. */
export interface ReplyOf {
  readonly explain: CausalChain | null;
  readonly why: CausalChain | null;
  readonly edgeBuffers: EdgeBufferInfo[];
  readonly hashAt: string;
  readonly hashNow: { readonly tMs: number; readonly hash: string };
  readonly vehicle: VehicleInfo | null;
  readonly signal: SignalInfo | null;
  readonly privacy: PrivacyView | null;
  readonly checkOwn: OwnCheck;
}

/** One vehicle, for its inspector: what it is, why it waits, and the rest of its route. */
export interface VehicleInfo {
  readonly emergency: boolean;
  readonly speedKmh: number;
  /** The vehicle it waits on (the car it merges behind or lets in, or the car ahead in a queue), by slot. */
  readonly heldBy: number | null;
  /**
   * The rest of its route, street by street from the one it is on (the first 40 legs; road ids
   * where the network has no street names, as on the benchmark grid), with metres on each.
   */
  readonly route: readonly { readonly road: string; readonly m: number }[];
  readonly remainingM: number;
  readonly onRoadS: number;
}

/** One movement (approach × turn) of a signal: what it shows now and its permission in each stage. */
export interface SignalMovementInfo {
  /** The compass point the approach comes from. */
  readonly from: string;
  /** The approach's street, when it has a name. */
  readonly street: string | null;
  readonly turn: string;
  readonly now: 'green' | 'green, give way' | 'amber' | 'red' | 'dark';
  /** Per stage, in order: 'protected', 'give way' (permissive) or 'red'. */
  readonly stages: readonly string[];
}

/** A signal controller for its inspector: mode, stages (main or right-turn arrow) and movements. */
export interface SignalInfo {
  readonly mode: string;
  /** The stage running now and the one it is changing to (the same when not changing). */
  readonly stage: number;
  readonly next: number;
  readonly interval: 'green' | 'amber' | 'all-red';
  readonly stages: readonly string[];
  readonly movements: readonly SignalMovementInfo[];
  /** Near-misses counted here so far (crossing movements both shown green). */
  readonly conflicts: number;
}
export type RequestType = keyof ReplyOf;
export type RequestMessage = Extract<ToWorker, { readonly reqId: number }>;

/** What an inspector shows about the supplies of one asset: state and backup time left. */
export interface EdgeBufferInfo {
  readonly edge: string;
  readonly supplier: string;
  /** 0 supplied, 1 on buffer, 2 lost. */
  readonly state: number;
  readonly remainingMs: number;
  /** While on backup power: the UPS until the standby generator has started, then the generator. */
  readonly phase: 'ups' | 'generator' | null;
}
