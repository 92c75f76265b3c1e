/**
 * Injects: scripted events of an exercise. A scheduled inject fires at its time; a facilitator can
 * fire one early with an `inject.fire` command. Either way it fires once, and the commands it
 * carries are caused by its `inject.applied` event — the root of every chain it starts.
 */
import type { EventBus, EventId, InjectSpec, Scheduler, Command } from '../core';

export class InjectPlayer {
  private readonly fired = new Set<string>();
  private readonly byId = new Map<string, InjectSpec>();

  constructor(
    injects: readonly InjectSpec[],
    private readonly bus: EventBus,
    scheduler: Scheduler,
    private readonly run: (c: Command, cause: EventId) => void,
  ) {
    for (const inj of injects) {
      this.byId.set(inj.id, inj);
      if (inj.atMs !== null) scheduler.at(inj.atMs, () => this.fire(inj.id, false));
    }
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  isFired(id: string): boolean {
    return this.fired.has(id);
  }

  /** Fires an inject unless it already has; returns whether it fired. */
  fire(id: string, early: boolean, cause: EventId[] = []): boolean {
    const inj = this.byId.get(id);
    if (!inj || this.fired.has(id)) return false;
    this.fired.add(id);
    const ev = this.bus.emit('inject.applied', null, { inject: inj.id, title: inj.title, attack: inj.attack, early }, cause);
    for (const c of inj.commands) this.run(c, ev.id);
    return true;
  }
}
