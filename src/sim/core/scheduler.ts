/**
 * Timers at exact simulated times, fired in (time, creation order) — a binary heap, so firing
 * order never depends on anything but the inputs. Subsystem periods are handled by the engine.
 */
import type { SimMs } from './time';

interface Timer {
  readonly tMs: SimMs;
  readonly seq: number;
  readonly fire: () => void;
  cancelled: boolean;
}

export interface TimerHandle {
  cancel(): void;
  readonly tMs: SimMs;
}

export class Scheduler {
  private heap: Timer[] = [];
  private seq = 0;

  at(tMs: SimMs, fire: () => void): TimerHandle {
    const t: Timer = { tMs: Math.round(tMs), seq: this.seq++, fire, cancelled: false };
    this.push(t);
    return { tMs: t.tMs, cancel: () => void (t.cancelled = true) };
  }

  /** Time of the next live timer, or Infinity. */
  peek(): SimMs {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.pop();
    return this.heap.length > 0 ? this.heap[0]!.tMs : Infinity;
  }

  /** Fires every timer due at or before `tMs`, in order; timers they add that are due fire too. */
  runUntil(tMs: SimMs, setNow: (t: SimMs) => void): void {
    while (this.peek() <= tMs) {
      const t = this.pop()!;
      setNow(t.tMs);
      t.fire();
    }
  }

  get size(): number {
    return this.heap.filter((t) => !t.cancelled).length;
  }

  private less(a: Timer, b: Timer): boolean {
    return a.tMs < b.tMs || (a.tMs === b.tMs && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
