/**
 * The plain-data description of a city that the simulation runs: what the scenario layer
 * compiles a scenario file into. No zod, no file access: the sim never reads files.
 */
import type { AssetId, EdgeId, InjectId, VendorId } from './ids';
import type { EdgeKind, Resource } from './events';
import type { Command } from './commands';
import type { SimMs } from './time';

export type Subsystem = 'power' | 'water' | 'traffic' | 'cctv' | 'comms' | 'population' | 'civic';
export const SUBSYSTEMS: readonly Subsystem[] = ['power', 'water', 'traffic', 'cctv', 'comms', 'population', 'civic'];

export interface VendorSpec {
  readonly id: VendorId;
  readonly name: string;
  readonly jurisdiction: string;
  /** Asset kinds this vendor supplies. */
  readonly supplies: readonly string[];
  /** Whether the vendor holds remote-maintenance access to the assets it supplies. */
  readonly remoteMaintenance: boolean;
  /** Where the vendor's cloud keeps data, or null when it runs no cloud for the city. */
  readonly cloudJurisdiction: string | null;
  /** The firmware release its kit runs ("4.2.1"); absent: "1.0". */
  readonly firmware?: string;
}

/** The firmware a vendor's kit ships with: "<vendor name> <release>". */
export const firmwareOf = (v: VendorSpec): string => `${v.name} ${v.firmware ?? '1.0'}`;

export interface AssetSpec {
  readonly id: AssetId;
  readonly kind: string;
  readonly subsystem: Subsystem;
  readonly name: string;
  /** Metres east (x) and south (z) of the city origin, in the ground plane. */
  readonly position: readonly [number, number];
  readonly vendor: VendorId | null;
  readonly remoteAccess: boolean;
  /** The firmware it runs, "<vendor> <release>" (null for kit without a vendor); set at compile. */
  readonly firmware?: string | null;
  readonly district: string | null;
  /** Residents whose service this asset stands for (a neighbourhood), 0 for plant. */
  readonly population: number;
  readonly critical: boolean;
  /** Laid out by an importer where its source (OpenStreetMap) had nothing: not a real asset. */
  readonly synthetic?: boolean;
}

export interface EdgeSpec {
  readonly id: EdgeId;
  /** The supplier. */
  readonly from: AssetId;
  /** The dependent. */
  readonly to: AssetId;
  readonly kind: EdgeKind;
  readonly resource: Resource;
  /** How long the dependent rides through a loss of this supply (UPS, fuel, storage). */
  readonly bufferMs: SimMs;
  /** What losing the supply does to the dependent once the buffer is spent. */
  readonly effect: 'down' | 'degraded';
  /** Edges in one group are redundant: the supply is lost only when all of them are. */
  readonly group: string | null;
  /** Plain-language note shown in the inspector, e.g. "diesel generator, 24 h fuel". */
  readonly note: string | null;
  /**
   * How the buffer is made up, when it is backup power: a UPS carries the load from the moment
   * supply is lost, and a standby generator (if any) takes over once started and runs until its
   * fuel is gone. Then `bufferMs` = UPS + fuel, and the generator must start within the UPS time.
   */
  readonly backup?: BackupSpec | null;
}

export interface BackupSpec {
  readonly upsMs: SimMs;
  readonly generatorStartMs: SimMs | null;
  readonly fuelMs: SimMs | null;
}

/** The buffer a backup gives: the UPS alone, or UPS then generator fuel. */
export const backupBufferMs = (b: BackupSpec): SimMs => b.upsMs + (b.generatorStartMs !== null && b.fuelMs !== null ? b.fuelMs : 0);

export interface InjectSpec {
  readonly id: InjectId;
  /** Scheduled time, or null for an inject fired only on demand. */
  readonly atMs: SimMs | null;
  readonly title: string;
  readonly description: string;
  readonly attack: string | null;
  readonly commands: readonly Command[];
  /** What players are expected to do in response; evaluation checks the command log for it. */
  readonly expected?: readonly ExpectedAction[];
  /** In a hosted exercise, the one seat this inject is shown to (a phone call to the water team); null: every seat. */
  readonly seat?: string | null;
}

/** An action expected of players after an inject: a kind of command within a time limit. */
export interface ExpectedAction {
  readonly id: string;
  readonly description: string;
  /** The command type that counts as doing it (e.g. "asset.secure"), or null for discussion-only actions an evaluator marks. */
  readonly command: string | null;
  /** Counted when taken within this long after the inject fired. */
  readonly withinMs: SimMs;
}

/** A decision point: options with the commands each applies, and a time budget. */
export interface DecisionSpec {
  readonly id: string;
  readonly title: string;
  readonly prompt: string;
  /** Opens at this time, or when `afterInject` fires, or on demand when both are null. */
  readonly atMs: SimMs | null;
  readonly afterInject: string | null;
  /** Opens when the first event of this kind happens (what players are asked to react to), if set. */
  readonly afterEvent: DecisionTrigger | null;
  readonly budgetMs: SimMs;
  readonly options: readonly { readonly id: string; readonly label: string; readonly commands: readonly Command[]; readonly recommended: boolean }[];
  /** In a hosted exercise, the seat that takes this decision; null: the facilitator. */
  readonly seat?: string | null;
}

export interface DistrictSpec {
  readonly id: string;
  readonly name: string;
  readonly kind: 'centre' | 'residential' | 'industrial' | 'waterfront' | 'parkland';
  /** Closed polygon in ground coordinates. */
  readonly polygon: readonly (readonly [number, number])[];
  readonly population: number;
}

export interface RoadSpec {
  readonly id: string;
  readonly a: readonly [number, number];
  readonly b: readonly [number, number];
  readonly lanes: number;
  readonly cls: 'arterial' | 'street';
  /** The street it belongs to, for people (an OSM way's name or ref; the generator names its lines). */
  readonly street?: string;
}

/** Buildings as structure-of-arrays: centre x/z, width (x), depth (z), height, district index, use. */
export interface BuildingTable {
  readonly count: number;
  readonly x: Float32Array;
  readonly z: Float32Array;
  readonly w: Float32Array;
  readonly d: Float32Array;
  readonly h: Float32Array;
  readonly district: Uint16Array;
  /** 0 home, 1 office/shop, 2 industrial, 3 civic. */
  readonly use: Uint8Array;
  /**
   * Real footprints where the source has them (OpenStreetMap); procedural cities leave this out.
   * x, z, w, d still hold the centroid and a box of the same area, for code that thinks in boxes.
   */
  readonly outline?: BuildingOutlines;
}

/**
 * One ring per building: building i's points are start[i] .. start[i+1]-1 (count + 1 offsets,
 * counted in points), point p at (xz[2p], xz[2p+1]). Rings are not closed (the last point is not
 * the first again), hold at least 3 distinct points, and wind with a positive shoelace sum
 * Σ (x_k z_k+1 − x_k+1 z_k): clockwise seen from above, since z runs south.
 */
export interface BuildingOutlines {
  readonly start: Uint32Array;
  readonly xz: Float32Array;
}

export interface CityModel {
  readonly name: string;
  readonly sizeM: readonly [number, number];
  readonly districts: readonly DistrictSpec[];
  readonly buildings: BuildingTable;
  readonly roads: readonly RoadSpec[];
  readonly water: readonly (readonly (readonly [number, number])[])[];
  readonly attribution: string | null;
}

/** What every simulation input has: the city, its vendors, assets, dependencies and injects. */
export interface CityInput {
  readonly id: string;
  readonly title: string;
  readonly seed: number;
  readonly durationMs: SimMs;
  readonly city: CityModel;
  readonly vendors: readonly VendorSpec[];
  readonly assets: readonly AssetSpec[];
  readonly edges: readonly EdgeSpec[];
  readonly injects: readonly InjectSpec[];
  readonly decisions?: readonly DecisionSpec[];
  readonly briefing?: readonly BriefingStep[];
  /** Who takes part in a hosted exercise (the defaults when the scenario names none). Nothing in the run depends on them. */
  readonly seats?: readonly SeatSpec[];
}

/**
 * A seat at a hosted exercise: one team's screen. The facilitator runs the clock and the injects;
 * players take the decisions addressed to their seat and may send the command types listed;
 * observers watch. `view` is what the seat sees by default: what SCADA shows, or the physical truth.
 */
export interface SeatSpec {
  readonly id: string;
  readonly title: string;
  readonly role: 'facilitator' | 'player' | 'observer';
  readonly view: 'operator' | 'truth';
  /** Command types this seat may send besides taking its decisions and adding notes. */
  readonly commands: readonly string[];
}

/** One step of a narrated briefing: what to say, where to look, which layers to show, and when in the run. */
export interface BriefingStep {
  readonly title: string;
  readonly text: string;
  /** Look at this asset, or at this point; null keeps the camera where it is. */
  readonly focus: { readonly asset: string } | { readonly point: readonly [number, number]; readonly distanceM: number } | null;
  /** Layers to show (subsystem names, "buildings", "links"); null leaves them as they are. */
  readonly layers: readonly string[] | null;
  /** Simulated time to move to (replaying from the start when it lies behind), or null. */
  readonly atMs: number | null;
  /** A shipped sweep's results to offer at this step (sweeps/results/NAME), and the figure to show. */
  readonly sweep?: { readonly results: string; readonly figure: string | null };
}

/** Events a decision can open on: the moments a facilitator would put a question to players. */
export const DECISION_TRIGGERS = [
  'data.exfiltration.started',
  'data.exfiltration.detected',
  'data.disclosed',
  'botnet.flood',
  'comms.device.lost',
  'asset.compromised',
  'power.load.shed',
  'traffic.signal.mode',
] as const;
export type DecisionTrigger = (typeof DECISION_TRIGGERS)[number];
