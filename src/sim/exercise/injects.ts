/**
 * Injects: the master scenario events list (MSEL) of an exercise. A scheduled inject fires at its
 * time unless the facilitator holds or skips it; the facilitator can also fire one early, release
 * a held one, or add an unscheduled "pressure" inject. An inject fires once, and the commands it
 * carries are caused by its `inject.applied` event — the root of every chain it starts.
 */
import type { EventBus, EventId, InjectSpec, Scheduler, Command, SimMs } from '../core';
import { injectId } from '../core';

export type InjectState = 'pending' | 'held' | 'fired' | 'skipped';

export class InjectPlayer {
  private readonly state = new Map<string, InjectState>();
  private readonly firedAt = new Map<string, SimMs>();
  private readonly byId = new Map<string, InjectSpec>();
  private readonly listeners: ((inj: InjectSpec, event: EventId) => void)[] = [];

  constructor(
    readonly injects: readonly InjectSpec[],
    private readonly bus: EventBus,
    scheduler: Scheduler,
    private readonly run: (c: Command, cause: EventId) => void,
  ) {
    for (const inj of injects) {
      this.byId.set(inj.id, inj);
      this.state.set(inj.id, 'pending');
      if (inj.atMs !== null) scheduler.at(inj.atMs, () => this.state.get(inj.id) === 'pending' && this.fire(inj.id, false));
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  stateOf(id: string): InjectState | undefined {
    return this.state.get(id);
  }

  firedAtMs(id: string): SimMs | undefined {
    return this.firedAt.get(id);
  }

  isFired(id: string): boolean {
    return this.state.get(id) === 'fired';
  }

  /** Called after an inject fires, with its event (decision points that open after an inject listen here). */
  onFired(f: (inj: InjectSpec, event: EventId) => void): void {
    this.listeners.push(f);
  }

  /** Fires an inject unless it already fired or was skipped; returns whether it fired. */
  fire(id: string, early: boolean, cause: EventId[] = []): boolean {
    const inj = this.byId.get(id);
    const st = this.state.get(id);
    if (!inj || st === 'fired' || st === 'skipped') return false;
    this.state.set(id, 'fired');
    const ev = this.bus.emit('inject.applied', null, { inject: inj.id, title: inj.title, attack: inj.attack, early }, cause);
    this.firedAt.set(id, ev.tMs);
    for (const c of inj.commands) this.run(c, ev.id);
    for (const l of this.listeners) l(inj, ev.id);
    return true;
  }

  /** A held inject does not fire at its time; releasing it fires it at once if its time has passed. */
  hold(id: string, cause: EventId): void {
    const inj = this.byId.get(id);
    if (!inj || this.state.get(id) !== 'pending') return;
    this.state.set(id, 'held');
    this.bus.emit('inject.held', null, { inject: inj.id, title: inj.title }, [cause]);
  }

  release(id: string, cause: EventId, nowMs: SimMs): void {
    const inj = this.byId.get(id);
    if (!inj || this.state.get(id) !== 'held') return;
    this.state.set(id, 'pending');
    const ev = this.bus.emit('inject.released', null, { inject: inj.id, title: inj.title }, [cause]);
    if (inj.atMs !== null && inj.atMs <= nowMs) this.fire(id, false, [ev.id]);
  }

  skip(id: string, cause: EventId): void {
    const inj = this.byId.get(id);
    const st = this.state.get(id);
    if (!inj || st === 'fired' || st === 'skipped') return;
    this.state.set(id, 'skipped');
    this.bus.emit('inject.skipped', null, { inject: injectId(id), title: inj.title }, [cause]);
  }
}
