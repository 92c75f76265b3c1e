/**
 * Exfiltration: flows from compromised NVRs or a vendor's cloud to an attacker's server, limited by
 * the bandwidth the comms model gives them, accumulating records per dataset and destination
 * jurisdiction (ATT&CK T0882 theft of operational information, T1537 transfer to cloud account).
 * Milestones (first record, then every tenfold) are events — never one per packet. Egress
 * monitoring notices with a probability that grows with the volume sent: each step the chance is
 * 1 − exp(−bytes / scale), the scale far smaller when monitoring is a policy.
 *
 * Compelled disclosure lands in the same ledger: records handed over under a legal order.
 */
import type { EventBus, EventId, Rng } from '../core';
import { assetId, vendorId } from '../core';
import type { CctvSubsystem } from '../cctv';
import type { CommsSubsystem } from '../comms';

/** Bytes sent before monitoring has even odds of noticing: with the policy, and without. */
const DETECT_SCALE_MONITORED = 2e9;
const DETECT_SCALE_UNMONITORED = 2e11;

export interface ExfilJob {
  readonly dataset: number;
  readonly flow: number;
  readonly destination: string;
  readonly technique: string;
  readonly started: EventId;
  readonly startMs: number;
  bytes: number;
  records: number;
  identifying: number;
  nextMilestone: number;
  detected: boolean;
  stopped: boolean;
}

export interface LedgerEntry {
  dataset: string;
  records: number;
  bytes: number;
  destinationJurisdiction: string;
  /** Records that still identify a person or vehicle (none when anonymised at the edge). */
  identifying: number;
  how: 'exfiltration' | 'compelled-disclosure';
}

export class Exfiltration {
  readonly jobs: ExfilJob[] = [];
  readonly disclosed: LedgerEntry[] = [];
  monitored = false;

  constructor(
    private readonly bus: EventBus,
    private readonly rng: Rng,
    private readonly comms: CommsSubsystem,
    private readonly cctv: CctvSubsystem,
    /** Node of the attacker's server. */
    private readonly attackerNode: string,
  ) {}

  /** Starts copying a dataset from a node (an NVR, a cloud) to the attacker. */
  start(dataset: number, sourceNode: string, destination: string, mbps: number, technique: string, cause: EventId, now: number): ExfilJob | null {
    if (this.jobs.some((j) => j.dataset === dataset && !j.stopped)) return null;
    const ds = this.cctv.input.datasets[dataset]!;
    const ev = this.bus.emit(
      'data.exfiltration.started',
      ds.storeAsset ? assetId(ds.storeAsset) : null,
      { dataset: ds.id, destinationJurisdiction: destination, technique, via: ds.cloudVendor ? 'cloud' : 'network' },
      [cause],
    );
    const flow = this.comms.addFlow({ src: sourceNode, dst: this.attackerNode, kind: 'exfiltration', demandMbps: mbps, deadlineMs: null }, ev.id);
    const job: ExfilJob = {
      dataset,
      flow,
      destination,
      technique,
      started: ev.id,
      startMs: now,
      bytes: 0,
      records: 0,
      identifying: 0,
      nextMilestone: 1,
      detected: false,
      stopped: false,
    };
    this.jobs.push(job);
    return job;
  }

  stop(job: ExfilJob, reason: string, cause: EventId): void {
    if (job.stopped) return;
    job.stopped = true;
    this.comms.setDemand(job.flow, 0, cause);
    this.bus.emit('data.exfiltration.stopped', null, { dataset: this.cctv.input.datasets[job.dataset]!.id, reason }, [cause, job.started]);
  }

  /** Accumulates what each running job moved in the last `dtMs`. */
  step(dtMs: number, now: number): void {
    const per = this.cctv.input.bytesPerRecord;
    for (const job of this.jobs) {
      if (job.stopped) continue;
      const ds = this.cctv.input.datasets[job.dataset]!;
      const sent = (this.comms.rateOf(job.flow) / 8) * (dtMs / 1000);
      if (sent <= 0) continue;
      const bpr = per[ds.kind];
      const avail = this.cctv.stored[job.dataset]!;
      // The attacker cannot take more than the dataset holds: once caught up, it trickles.
      const before = job.bytes;
      job.bytes = Math.min(job.bytes + sent, avail * bpr);
      // What the egress monitor can see is what actually left, not what the flow could have carried.
      const moved = Math.max(0, job.bytes - before);
      const records = Math.floor(job.bytes / bpr);
      const share = avail > 0 ? this.cctv.identifying[job.dataset]! / avail : 0;
      job.identifying = Math.floor(records * share);
      job.records = records;
      if (records >= job.nextMilestone) {
        while (job.nextMilestone <= records) job.nextMilestone *= 10;
        this.bus.emit('data.exfiltrated', null, { dataset: ds.id, records, bytes: Math.round(job.bytes), destinationJurisdiction: job.destination }, [
          job.started,
        ]);
      }
      if (!job.detected) {
        const scale = this.monitored ? DETECT_SCALE_MONITORED : DETECT_SCALE_UNMONITORED;
        if (moved > 0 && this.rng.next() < 1 - Math.exp(-moved / scale)) {
          job.detected = true;
          this.bus.emit('data.exfiltration.detected', null, { dataset: ds.id, bytes: Math.round(job.bytes), delayS: Math.round((now - job.startMs) / 1000) }, [
            job.started,
          ]);
        }
      }
    }
  }

  /** A legal order to a vendor: its cloud datasets are handed over unless localised or there are none. */
  disclose(vendor: string, requestedBy: string, localised: boolean, cause: EventId): void {
    const sets = this.cctv.input.datasets.map((d, i) => ({ d, i })).filter(({ d }) => d.cloudVendor === vendor);
    const v = vendorId(vendor);
    if (sets.length === 0 || localised) {
      const withheld = localised ? 'data localisation: the city keeps its data, the vendor holds none' : 'the vendor holds no city data in its cloud';
      this.bus.emit(
        'data.disclosed',
        null,
        { dataset: sets[0]?.d.id ?? 'none', vendor: v, records: 0, requestedBy, destinationJurisdiction: requestedBy, withheld },
        [cause],
      );
      return;
    }
    for (const { d, i } of sets) {
      const records = Math.floor(this.cctv.stored[i]!);
      const bytes = records * this.cctv.input.bytesPerRecord[d.kind];
      this.disclosed.push({
        dataset: d.id,
        records,
        bytes,
        destinationJurisdiction: requestedBy,
        identifying: Math.floor(this.cctv.identifying[i]!),
        how: 'compelled-disclosure',
      });
      this.bus.emit('data.disclosed', null, { dataset: d.id, vendor: v, records, requestedBy, destinationJurisdiction: requestedBy, withheld: null }, [cause]);
    }
  }

  /** Everything that has left: per dataset and destination jurisdiction. */
  ledger(): LedgerEntry[] {
    const out = new Map<string, LedgerEntry>();
    const add = (e: LedgerEntry) => {
      const key = `${e.dataset}\u0000${e.destinationJurisdiction}\u0000${e.how}`;
      const had = out.get(key);
      if (had) {
        had.records += e.records;
        had.bytes += e.bytes;
        had.identifying += e.identifying;
      } else out.set(key, { ...e });
    };
    for (const j of this.jobs) {
      add({
        dataset: this.cctv.input.datasets[j.dataset]!.id,
        records: j.records,
        bytes: Math.round(j.bytes),
        destinationJurisdiction: j.destination,
        identifying: j.identifying,
        how: 'exfiltration',
      });
    }
    for (const d of this.disclosed) add(d);
    return [...out.values()];
  }

  totalRecords(): number {
    let n = 0;
    for (const j of this.jobs) n += j.records;
    for (const d of this.disclosed) n += d.records;
    return n;
  }
}
