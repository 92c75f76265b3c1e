/**
 * The event bus and its log. Events are numbered in emission order ("e1", "e2", ...), so ids and
 * order are the same in every run with the same inputs. Subscribers run synchronously in the
 * order they subscribed; an event emitted inside a handler is delivered after the current one
 * finishes (a queue, not recursion), so delivery order never depends on handler nesting.
 */
import { eventId, type AssetId, type EventId } from './ids';
import type { EventPayloads, EventType, EventOf, SimEvent } from './events';
import type { SimMs } from './time';

type Handler<K extends EventType> = (e: EventOf<K>) => void;

export class EventBus {
  private readonly log: SimEvent[] = [];
  private readonly byId = new Map<string, SimEvent>();
  private readonly handlers = new Map<EventType | '*', Handler<EventType>[]>();
  private readonly queue: SimEvent[] = [];
  private delivering = false;
  private nextSeq = 1;

  constructor(private readonly now: () => SimMs) {}

  emit<K extends EventType>(type: K, source: AssetId | null, data: EventPayloads[K], causes: readonly EventId[] = []): EventOf<K> {
    const e = { id: eventId(`e${this.nextSeq++}`), tMs: this.now(), type, source, causes: [...new Set(causes)], data } as unknown as EventOf<K>;
    this.log.push(e);
    this.byId.set(e.id, e);
    this.queue.push(e);
    if (!this.delivering) this.drain();
    return e;
  }

  on<K extends EventType>(type: K | '*', handler: Handler<K>): () => void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as unknown as Handler<EventType>);
    this.handlers.set(type, list);
    return () => list.splice(list.indexOf(handler as unknown as Handler<EventType>), 1);
  }

  get events(): readonly SimEvent[] {
    return this.log;
  }

  get(id: EventId | string): SimEvent | undefined {
    return this.byId.get(id);
  }

  private drain(): void {
    this.delivering = true;
    try {
      for (let i = 0; i < this.queue.length; i++) {
        const e = this.queue[i]!;
        for (const h of this.handlers.get(e.type) ?? []) h(e as never);
        for (const h of this.handlers.get('*') ?? []) h(e as never);
      }
    } finally {
      this.queue.length = 0;
      this.delivering = false;
    }
  }
}

/**
 * The causal chain behind an event: every ancestor reachable through `causes`, oldest first
 * (by emission order), ending with the event itself. `roots` are the ancestors with no causes —
 * usually an inject or a command.
 */
export interface CausalChain {
  readonly chain: readonly SimEvent[];
  readonly roots: readonly SimEvent[];
}

export function explain(lookup: (id: EventId) => SimEvent | undefined, id: EventId): CausalChain {
  const seen = new Map<string, SimEvent>();
  const stack: EventId[] = [id];
  while (stack.length > 0) {
    const cur = stack.pop()!;
    if (seen.has(cur)) continue;
    const e = lookup(cur);
    if (!e) continue;
    seen.set(cur, e);
    for (const c of e.causes) stack.push(c);
  }
  const chain = [...seen.values()].sort((a, b) => seq(a.id) - seq(b.id));
  return { chain, roots: chain.filter((e) => e.causes.length === 0) };
}

/** The numeric part of an event id: its position in the log. */
export const seq = (id: EventId | string): number => Number(id.slice(1));
