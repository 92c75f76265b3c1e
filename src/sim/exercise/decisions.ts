/**
 * Decision points: a question put to players at a time, when an inject fires or when something
 * happens (the first event of a kind — an exfiltration detected, a botnet flood), with options
 * that each apply commands, and a time budget. The decision taken — by whom and why — is an
 * event, and the commands of the chosen option are caused by it, so the after-action report can
 * show what each decision did.
 */
import type { Command, DecisionSpec, EventBus, EventId, Scheduler, SimMs } from '../core';
import type { InjectPlayer } from './injects';

export type DecisionState = 'waiting' | 'open' | 'taken' | 'expired';

export interface DecisionRecord {
  readonly decision: string;
  state: DecisionState;
  openedMs: SimMs | null;
  openedEvent: EventId | null;
  takenMs: SimMs | null;
  option: string | null;
  by: string | null;
  rationale: string | null;
  takenEvent: EventId | null;
}

export class DecisionBoard {
  readonly records = new Map<string, DecisionRecord>();
  private readonly byId = new Map<string, DecisionSpec>();

  constructor(
    readonly decisions: readonly DecisionSpec[],
    private readonly bus: EventBus,
    private readonly scheduler: Scheduler,
    private readonly now: () => SimMs,
    injects: InjectPlayer,
    private readonly run: (c: Command, cause: EventId) => void,
  ) {
    for (const d of decisions) {
      this.byId.set(d.id, d);
      this.records.set(d.id, {
        decision: d.id,
        state: 'waiting',
        openedMs: null,
        openedEvent: null,
        takenMs: null,
        option: null,
        by: null,
        rationale: null,
        takenEvent: null,
      });
      if (d.atMs !== null) scheduler.at(d.atMs, () => this.open(d.id, []));
    }
    injects.onFired((inj, ev) => {
      for (const d of decisions) if (d.afterInject === inj.id) this.open(d.id, [ev]);
    });
    // On the first event of its kind, caused by it (later ones find the decision open already).
    for (const d of decisions) if (d.afterEvent !== null) bus.on(d.afterEvent, (e) => this.open(d.id, [e.id]));
  }

  open(id: string, causes: EventId[]): void {
    const d = this.byId.get(id);
    const r = this.records.get(id);
    if (!d || !r || r.state !== 'waiting') return;
    const ev = this.bus.emit('decision.opened', null, { decision: d.id, title: d.title, budgetMs: d.budgetMs }, causes);
    r.state = 'open';
    r.openedMs = ev.tMs;
    r.openedEvent = ev.id;
    this.scheduler.at(ev.tMs + d.budgetMs, () => {
      if (r.state !== 'open') return;
      r.state = 'expired';
      this.bus.emit('decision.expired', null, { decision: d.id, title: d.title }, [ev.id]);
    });
  }

  /** Takes a decision (also after its budget ran out, marked late); returns false when unknown. */
  take(id: string, optionId: string, by: string, rationale: string, cause: EventId): boolean {
    const d = this.byId.get(id);
    const r = this.records.get(id);
    const opt = d?.options.find((o) => o.id === optionId);
    if (!d || !r || !opt || r.state === 'taken') return false;
    if (r.state === 'waiting') this.open(id, [cause]);
    const late = r.state === 'expired';
    const ev = this.bus.emit('decision.taken', null, { decision: d.id, option: opt.id, label: opt.label, by, rationale, late }, [
      cause,
      ...(r.openedEvent ? [r.openedEvent] : []),
    ]);
    Object.assign(r, { state: 'taken', takenMs: this.now(), option: opt.id, by, rationale, takenEvent: ev.id });
    for (const c of opt.commands) this.run(c, ev.id);
    return true;
  }
}
