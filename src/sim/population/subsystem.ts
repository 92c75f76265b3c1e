/**
 * The population as a running subsystem: residents, their plans, movement and the records each
 * sensing system keeps, stepped every simulated minute; the anonymisation of each dataset; and
 * what the attacker holds and how it got it. Commands `privacy.*` change a dataset's
 * anonymisation or hand a dataset to the attacker; `acquire` is also the seam for the comms
 * subsystem's `data.exfiltrated` events (simulation.ts forwards them).
 */
import type { BuildingTable, Command, EventBus, EventId, Hasher, KpiValues, Rng, SimContext, SimMs, SimSubsystem } from '../core';
import { commandsHandledBy, DAY_S, MINUTE } from '../core';
import { makePlans, planDay, type PlanContext, type Plans } from './activity';
import { HouseholdMeters, SLOT_S } from './household-meters';
import { DATASET_IDS, type Acquisition, type Anonymisation, type DatasetId, type PopulationInput } from './model';
import { Movement, PHASE_TRAVEL, type Logs, type SensorHooks } from './movement';
import { makePeople, type People } from './people';
import { RecordLog, SlotMatrix } from './records';
import { releaseAggregates, releaseMeters, releaseRecords, type ReleasedAggregates, type ReleasedMeters, type ReleasedRecords } from './release';
import { SensorIndex } from './sensors';
import { GridTravel, type TravelModel } from './travel';

type PrivacyCommand = Extract<Command, { type: `privacy.${string}` }>;

export const AGGREGATE_CELL_M = 250;

export interface Holding {
  readonly dataset: DatasetId;
  readonly how: Acquisition;
  /** When it was taken (s); records after that are not in it. Null for a what-if (all records so far). */
  readonly atS: number | null;
  readonly event: EventId | null;
  /**
   * The anonymisation of the copy as it was taken: a policy tightened afterwards does not reach
   * data already gone. Null for a what-if (the settings in force now).
   */
  readonly anonymisation: Anonymisation | null;
  /** What of the dataset the copy holds, when it is not all of it: the stores it came from. */
  readonly parts: readonly HoldingPart[] | null;
  /**
   * Records this copy adds to what the attacker has taken: the dataset's records when a whole copy
   * is taken at once; 0 for a copy drawn from the comms side's stores (counted there as they leave)
   * and for a what-if (nothing was taken).
   */
  readonly recordsTaken: number;
}

/**
 * A copy taken from one store of a dataset (a vendor's cloud, a recorder): only the records of the
 * sensors that feed that store, none older than the store kept when the theft began, and only as
 * many as were taken — oldest first, the order a bulk copy of a record store goes in.
 */
export interface HoldingPart {
  /** The store's name ("kestrel-cloud-plate"). */
  readonly source: string;
  /** Per sensor (SensorIndex order): 1 when it feeds the store. */
  readonly sensors: Uint8Array;
  /** The oldest record the store still held when the copying began (s, population clock). */
  readonly fromS: number;
  /** Records taken from the store so far. */
  readonly taken: () => number;
}

/** What the comms/CCTV side knows of a store it lost: which sensors feed it, its retention, how much has gone. */
export interface StoreLoss {
  readonly sensors: Uint8Array;
  readonly retentionS: number;
  readonly taken: () => number;
}

/**
 * How the population meets the rest of the city (simulation.ts wires these; a subsystem may not
 * import another): the travel model trips use, and the CCTV side's say on which cameras record and
 * where their records go. Both are made once the sensors are indexed, before the history runs.
 */
export interface PopulationOptions {
  readonly travel?: (sensors: SensorIndex) => TravelModel;
  readonly hooks?: (sensors: SensorIndex) => SensorHooks;
  /**
   * Leave the days of history to prepare() instead of running them here (the simulation does, so a
   * page can draw the city meanwhile). Built on its own, the subsystem runs them at once.
   */
  readonly deferHistory?: boolean;
}

export class PopulationSubsystem implements SimSubsystem<null, null> {
  readonly name = 'population';
  readonly periodMs = MINUTE;
  readonly commands = commandsHandledBy('population');
  readonly buildings: BuildingTable;
  readonly people: People;
  readonly plans: Plans;
  readonly sensors: SensorIndex;
  readonly movement: Movement;
  /** How residents' trips take their time: the road network's travel times, or a grid's. */
  readonly travel: TravelModel;
  readonly meters: HouseholdMeters;
  readonly logs: Logs;
  /** People present per 250 m cell per hour (ground truth behind the published aggregates). */
  readonly presence: SlotMatrix;
  readonly cellCols: number;
  readonly cellRows: number;
  readonly householdX: Float32Array;
  readonly householdZ: Float32Array;
  readonly anonymisation: Record<DatasetId, Anonymisation>;
  readonly holdings: Holding[] = [];
  private readonly planRng: Rng;
  private readonly noiseRng: Rng;
  private readonly ctx: PlanContext;
  private minute = 0;
  private day = 0;
  private readonly startClockS: number;
  /**
   * Seconds of history simulated before the run starts: the systems already hold the days before
   * the incident, as real ones do. Internally time runs from the start of that history, so every
   * record's time is `run time + historyS` (never negative).
   */
  readonly historyS: number;

  private readonly bus: EventBus;
  private readonly now: () => SimMs;

  constructor(
    readonly input: PopulationInput,
    ctx: SimContext,
    options: PopulationOptions = {},
  ) {
    const b = (this.buildings = ctx.city.buildings);
    const { sizeM } = ctx.city;
    const rng = ctx.rng('population');
    this.bus = ctx.bus;
    this.now = ctx.now;
    const sites = input.sensitive;
    this.people = makePeople(input.residents, b, input.schools, sites, rng.fork('people'));
    this.plans = makePlans(this.people.count);
    const watched = [...sites.map((s) => s.building), ...input.schools];
    this.sensors = new SensorIndex(input.sensors, input.arterialM, sizeM, b, watched, input.junctions ?? null);
    this.logs = { anpr: new RecordLog(), face: new RecordLog(), smartcard: new RecordLog(), wifi: new RecordLog(), visits: new RecordLog() };
    this.meters = new HouseholdMeters(this.people.householdSize, rng.fork('meters'));
    this.movement = new Movement(
      this.people,
      this.plans,
      b,
      this.sensors,
      (this.travel = options.travel?.(this.sensors) ?? new GridTravel(this.sensors)),
      this.logs,
      this.meters,
      rng.fork('movement'),
      options.hooks?.(this.sensors) ?? null,
    );
    this.cellCols = Math.ceil(sizeM[0] / AGGREGATE_CELL_M);
    this.cellRows = Math.ceil(sizeM[1] / AGGREGATE_CELL_M);
    this.presence = new SlotMatrix(this.cellCols * this.cellRows, 24);
    this.householdX = Float32Array.from(this.people.householdHome, (h) => b.x[h]!);
    this.householdZ = Float32Array.from(this.people.householdHome, (h) => b.z[h]!);
    this.anonymisation = { ...input.anonymisation };
    this.planRng = rng.fork('plans');
    this.noiseRng = rng.fork('noise');
    const jobs: number[] = [];
    for (let i = 0; i < b.count; i++) if (b.use[i] === 1) jobs.push(i);
    const errands = Int32Array.from(jobs);
    const P = this.people;
    this.ctx = {
      people: P,
      plans: this.plans,
      siteKind: sites.map((s) => s.kind),
      siteBuilding: sites.map((s) => s.building),
      errand: (i, r) => {
        if (errands.length === 0) return -1;
        const hx = b.x[P.home[i]!]!;
        const hz = b.z[P.home[i]!]!;
        let best = -1;
        let bd = Infinity;
        for (let k = 0; k < 3; k++) {
          const e = errands[Math.floor(r.next() * errands.length)]!;
          const d = Math.abs(b.x[e]! - hx) + Math.abs(b.z[e]! - hz);
          if (d < bd) {
            bd = d;
            best = e;
          }
        }
        return best;
      },
    };
    this.historyS = Math.round(input.historyDays) * DAY_S;
    this.startClockS = Math.round(input.startHour * 3600);
    for (const h of input.attackerHolds)
      this.holdings.push({ dataset: h.dataset, how: h.how, atS: null, event: null, anonymisation: null, parts: null, recordsTaken: 0 });
    planDay(this.ctx, this.weekday(0), this.planRng);
    this.movement.startDay(-this.startClockS, 0);
    if (!options.deferHistory) this.advance(this.historyS);
  }

  /** What is left of the days of history before the run, an hour at a time (the simulation runs it before the first tick). */
  *prepare(): Generator<number, void, void> {
    for (let s = this.minute * 60; s < this.historyS;) {
      s = Math.min(this.historyS, s + 3600);
      this.advance(s);
      yield s / this.historyS;
    }
  }

  weekday(day: number): number {
    return (((this.input.startWeekday + day) % 7) + 7) % 7;
  }

  /** Simulation seconds of midnight starting day `d` (day 0 is the day the run starts in). */
  dayStartS(d: number): number {
    return d * DAY_S - this.startClockS;
  }

  /** Internal time now (s since the start of the history). */
  clockS(): number {
    return Math.floor(this.now() / 1000) + this.historyS;
  }

  step(nowMs: SimMs): void {
    this.advance(Math.floor(nowMs / 1000) + this.historyS);
  }

  /** Runs every minute up to internal time `toS`. */
  private advance(toS: number): void {
    const upto = Math.floor(toS / 60);
    for (; this.minute < upto; this.minute++) {
      const t = this.minute * 60;
      if (t >= this.dayStartS(this.day + 1)) {
        this.day++;
        planDay(this.ctx, this.weekday(this.day), this.planRng);
        this.movement.startDay(this.dayStartS(this.day), t);
      }
      if (t > 0 && (t + this.startClockS) % SLOT_S === 0) this.closeSlot(t);
      if (t > 0 && (t + this.startClockS) % 3600 === 0) this.countPresence(t);
      this.movement.runMinute(this.minute);
    }
  }

  /** Closes the half-hour ending at t (startHour is whole, so slots line up with run time). */
  private closeSlot(t: number): void {
    const hour = Math.floor(((((t - SLOT_S + this.startClockS) % DAY_S) + DAY_S) % DAY_S) / 3600);
    this.meters.close(t / SLOT_S - 1, t, hour);
  }

  private countPresence(t: number): void {
    const hour = Math.floor(t / 3600) - 1;
    const P = this.people;
    const M = this.movement;
    const b = this.buildings;
    for (let i = 0; i < P.count; i++) {
      const place = M.phase[i] === PHASE_TRAVEL ? M.dest[i]! : M.atPlace[i]!;
      if (place < 0) continue;
      const c = Math.min(this.cellCols - 1, Math.floor(b.x[place]! / AGGREGATE_CELL_M));
      const r = Math.min(this.cellRows - 1, Math.floor(b.z[place]! / AGGREGATE_CELL_M));
      this.presence.set(hour, c * this.cellRows + r, this.presence.get(hour, c * this.cellRows + r) + 1);
    }
  }

  // --- datasets and the attacker ----------------------------------------------------------

  /** Records a dataset holds now (after retention, before anonymisation). */
  recordCount(d: DatasetId): number {
    switch (d) {
      case 'meter':
        return this.meters.kwh.slots * this.people.households;
      case 'aggregates':
        return this.presence.slots * this.cellCols * this.cellRows;
      default:
        return this.logs[d].count;
    }
  }

  releaseRecords(d: 'anpr' | 'face' | 'smartcard' | 'wifi', upToS: number, a: Anonymisation = this.anonymisation[d], only?: Uint8Array): ReleasedRecords {
    return releaseRecords(d, this.logs[d], this.sensors, a, upToS, this.input.startHour, only);
  }

  releaseMeters(upToS: number, a: Anonymisation = this.anonymisation.meter): ReleasedMeters {
    return releaseMeters(this.meters.kwh, this.householdX, this.householdZ, a, upToS, SLOT_S);
  }

  releaseAggregates(upToS: number, a: Anonymisation = this.anonymisation.aggregates): ReleasedAggregates {
    return releaseAggregates(this.presence, this.cellCols, this.cellRows, AGGREGATE_CELL_M, a, upToS, this.noiseRng.fork(`release-${upToS}`));
  }

  /**
   * The attacker's copy of a record dataset: as it was anonymised when taken (unless `a` overrides,
   * for a what-if), up to when it was taken, and only the parts taken when it came from stores.
   */
  releaseHolding(h: Holding, d: 'anpr' | 'face' | 'smartcard' | 'wifi', nowS: number, a?: Anonymisation): ReleasedRecords {
    const upToS = h.atS ?? nowS;
    return this.releaseRecords(d, upToS, a ?? h.anonymisation ?? this.anonymisation[d], h.parts ? this.partMask(d, h.parts, upToS) : undefined);
  }

  /** Per log record: 1 when some part of the copy has it (each part's oldest records first, up to what it took). */
  private partMask(d: 'anpr' | 'face' | 'smartcard' | 'wifi', parts: readonly HoldingPart[], upToS: number): Uint8Array {
    const log = this.logs[d];
    const only = new Uint8Array(log.count);
    for (const part of parts) {
      let left = Math.floor(part.taken());
      for (let i = 0; i < log.count && left > 0; i++) {
        const t = log.t(i);
        if (t < part.fromS || t > upToS || !part.sensors[log.sensor(i)]) continue;
        if (!only[i]) only[i] = 1;
        left--;
      }
    }
    return only;
  }

  /** The attacker takes a dataset (exfiltration, compelled disclosure, purchase, publication). */
  acquire(dataset: DatasetId, how: Acquisition, cause: EventId | null): void {
    const nowS = this.clockS();
    const whatIf = how === 'what-if';
    this.takeWhole(dataset, how, cause, !whatIf);
  }

  private takeWhole(dataset: DatasetId, how: Acquisition, cause: EventId | null, counted: boolean): void {
    const whatIf = how === 'what-if';
    const records = this.recordCount(dataset);
    this.hold(
      {
        dataset,
        how,
        atS: whatIf ? null : this.clockS(),
        event: null,
        anonymisation: whatIf ? null : { ...this.anonymisation[dataset] },
        parts: null,
        recordsTaken: counted ? records : 0,
      },
      records,
      cause,
    );
  }

  private hold(h: Holding, records: number, cause: EventId | null): void {
    const ev = this.bus.emit('privacy.dataset.acquired', null, { dataset: h.dataset, how: h.how, records }, cause ? [cause] : []);
    const i = this.holdings.findIndex((x) => x.dataset === h.dataset);
    const held = { ...h, event: ev.id };
    if (i >= 0) this.holdings[i] = held;
    else this.holdings.push(held);
  }

  /**
   * The comms/CCTV side names its datasets by where they are kept ("kestrel-cloud-plate",
   * "nvr-1-face"); a stolen or disclosed one hands the attacker what that store held of the
   * matching population dataset — all of it when the store is not described (`loss` absent).
   */
  acquireNamed(name: string, how: Acquisition, cause: EventId, loss?: StoreLoss): void {
    const d: DatasetId | null = /plate|anpr/.test(name)
      ? 'anpr'
      : /face/.test(name)
        ? 'face'
        : /wifi|probe/.test(name)
          ? 'wifi'
          : /meter/.test(name)
            ? 'meter'
            : /card|transit/.test(name)
              ? 'smartcard'
              : null;
    if (!d) return;
    const nowS = this.clockS();
    const had = this.holdings.find((h) => h.dataset === d);
    if (!loss || d === 'meter') {
      // The comms side counted these records as they left its store.
      if (!had || had.atS === null || had.atS < nowS) this.takeWhole(d, how, cause, false);
      return;
    }
    // A part per store; a later theft from the same store keeps where that copy began.
    const parts = had?.parts ? [...had.parts] : [];
    const same = parts.findIndex((q) => q.source === name);
    const part: HoldingPart = { source: name, sensors: loss.sensors, fromS: same >= 0 ? parts[same]!.fromS : nowS - loss.retentionS, taken: loss.taken };
    if (same >= 0) parts[same] = part;
    else parts.push(part);
    // A copy of the whole dataset already held stays whole.
    if (had && had.parts === null && had.atS !== null) return;
    this.hold(
      { dataset: d, how: had?.how ?? how, atS: nowS, event: null, anonymisation: had?.anonymisation ?? { ...this.anonymisation[d] }, parts, recordsTaken: 0 },
      Math.floor(parts.reduce((n, q) => n + q.taken(), 0)),
      cause,
    );
  }

  /** The page draws no population layer from the snapshot (it asks the worker for residents' trails). */
  snapshot(): null {
    return null;
  }

  /** Without a comms network, records taken are those of the datasets copied whole (the cyber layer adds what it saw leave). */
  kpis(): KpiValues {
    return { personalDatasetsHeld: this.holdings.length, recordsExfiltrated: this.recordsTakenWhole() };
  }

  /** Records of the datasets the attacker copied whole at once (not those the comms side counted leaving a store). */
  recordsTakenWhole(): number {
    let n = 0;
    for (const h of this.holdings) n += h.recordsTaken;
    return n;
  }

  /** Its report is the privacy analysis of what the attacker holds, computed on demand (src/sim/analysis/privacy.ts). */
  final(): null {
    return null;
  }

  hashInto(h: Hasher): void {
    const L = this.logs;
    h.num(this.movement.trips).num(L.anpr.count).num(L.face.count).num(L.smartcard.count).num(L.wifi.count).num(L.visits.count);
  }

  dispose(): void {}

  handle(command: Command, cause: EventId): void {
    const c = command as PrivacyCommand;
    switch (c.type) {
      case 'privacy.anonymise': {
        const prev = this.anonymisation[c.dataset];
        const next: Anonymisation = {
          rotation: c.rotation ?? prev.rotation,
          cellM: c.cellM ?? prev.cellM,
          binS: c.binS ?? prev.binS,
          k: c.k ?? prev.k,
          epsilon: c.epsilon === undefined ? prev.epsilon : c.epsilon,
          retentionS: c.retentionS === undefined ? prev.retentionS : c.retentionS,
        };
        this.anonymisation[c.dataset] = next;
        this.bus.emit('privacy.policy.changed', null, { dataset: c.dataset, summary: describeAnonymisation(next) }, [cause]);
        return;
      }
      case 'privacy.attacker.acquire':
        for (const d of c.datasets) this.acquire(d, c.how ?? 'exfiltrated', cause);
        return;
      case 'privacy.attacker.release': {
        for (const d of c.datasets) {
          const i = this.holdings.findIndex((h) => h.dataset === d);
          if (i >= 0) this.holdings.splice(i, 1);
        }
        return;
      }
      default: {
        const never: never = c;
        return never;
      }
    }
  }
}

export function describeAnonymisation(a: Anonymisation): string {
  const parts = [a.rotation === 'none' ? 'stable pseudonyms' : a.rotation === 'daily' ? 'pseudonyms rotated daily' : 'a new pseudonym every record'];
  parts.push(a.cellM > 0 ? `${a.cellM} m cells` : 'exact places');
  parts.push(a.binS > 1 ? `${a.binS >= 3600 ? `${a.binS / 3600} h` : `${Math.round(a.binS / 60)} min`} bins` : 'exact times');
  if (a.k > 1) parts.push(`k = ${a.k}`);
  if (a.epsilon !== null) parts.push(`ε = ${a.epsilon}`);
  if (a.retentionS !== null) parts.push(`kept ${Math.round(a.retentionS / 3600)} h`);
  return parts.join(', ');
}

export { DATASET_IDS };
