/**
 * A toy subsystem, to show what adding one takes: this folder and an entry in the list. It counts
 * the minutes each asset spends down, reports them as a KPI, a snapshot, a report section and in
 * the run's hash, and it emits an event of its own when the total first passes an hour.
 */
import { MINUTE, type Hasher, type KpiDef, type KpiValues, type SimContext, type SimSubsystem, type SubsystemEntry, type World } from '../../../src/sim';

export interface OutageSnapshot {
  readonly downMinutes: Float64Array;
}

export class OutageCounter implements SimSubsystem<OutageSnapshot, { totalDownMinutes: number }> {
  readonly name = 'outages';
  readonly periodMs = MINUTE;
  readonly commands = [];
  readonly kpiDefs: readonly KpiDef[] = [
    { id: 'assetDownMinutes', label: 'Asset-minutes down', unit: 'min', description: 'Minutes each asset has been down, summed.' },
  ];
  readonly downMinutes: Float64Array;
  disposed = 0;
  private readonly world: World;
  private warned = false;

  constructor(
    readonly input: { readonly warnAfterMin: number },
    private readonly ctx: SimContext,
  ) {
    this.world = ctx.world;
    this.downMinutes = new Float64Array(ctx.world.assets.length);
  }

  step(): void {
    for (let i = 0; i < this.world.assets.length; i++) if (this.world.status[i] === 2) this.downMinutes[i]! += 1;
    const total = this.total();
    if (!this.warned && total >= this.input.warnAfterMin) {
      this.warned = true;
      this.ctx.bus.emit('inject.pressure', null, { title: 'Outages pass an hour', text: `${total} asset-minutes down` }, []);
    }
  }

  handle(): void {}

  total(): number {
    return this.downMinutes.reduce((a, b) => a + b, 0);
  }

  snapshot(): OutageSnapshot {
    return { downMinutes: this.downMinutes.slice() };
  }

  kpis(): KpiValues {
    return { assetDownMinutes: this.total() };
  }

  final(): { totalDownMinutes: number } {
    return { totalDownMinutes: this.total() };
  }

  hashInto(h: Hasher): void {
    h.num(this.total());
  }

  dispose(): void {
    this.disposed++;
  }
}

/** Its entry in the list: built when the scenario names it (here: always, with a one-hour warning). */
export const outageEntry: SubsystemEntry = { name: 'outages', create: (_input, ctx) => new OutageCounter({ warnAfterMin: 60 }, ctx) };
