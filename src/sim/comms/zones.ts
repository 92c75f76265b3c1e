/**
 * Zones (network segments) and the firewall between them. With segmentation off the city network
 * is flat — any zone reaches any other, the common state of municipal networks — and with it on
 * only the scenario's rules pass. An isolated zone reaches nothing but itself. Vendors' VPNs land
 * on their gateway and reach the zones their access lists (flat: every zone).
 */
import type { CommsInput } from './network';

export class ZoneFirewall {
  readonly zones: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  segmented: boolean;
  readonly isolated: Uint8Array;
  private readonly rules: Uint8Array;
  private readonly allowed: Uint8Array;
  private readonly internet: number;

  constructor(input: CommsInput, segmented: boolean) {
    this.zones = input.zones;
    this.index = new Map(input.zones.map((z, i) => [z, i]));
    const Z = input.zones.length;
    this.rules = new Uint8Array(Z * Z);
    for (const r of input.rules) {
      const a = this.index.get(r.from);
      const b = this.index.get(r.to);
      if (a !== undefined && b !== undefined) this.rules[a * Z + b] = 1;
    }
    this.isolated = new Uint8Array(Z);
    this.allowed = new Uint8Array(Z * Z);
    this.internet = this.index.get('internet') ?? -1;
    this.segmented = segmented;
    this.refresh();
  }

  /** Recomputes the allowed matrix after a policy or isolation change. */
  refresh(): void {
    const Z = this.zones.length;
    for (let a = 0; a < Z; a++) {
      for (let b = 0; b < Z; b++) {
        let ok = a === b || !this.segmented || this.rules[a * Z + b] === 1;
        if (a !== b && (this.isolated[a] || this.isolated[b])) ok = false;
        this.allowed[a * Z + b] = ok ? 1 : 0;
      }
    }
  }

  allows(from: number, to: number): boolean {
    return this.allowed[from * this.zones.length + to] === 1;
  }

  /** The zones given and those the firewall lets any of them reach directly (the internet aside). */
  oneHop(start: readonly number[]): Set<number> {
    const out = new Set<number>(start);
    for (const a of start) {
      for (let b = 0; b < this.zones.length; b++) if (b !== this.internet && this.allows(a, b)) out.add(b);
    }
    return out;
  }
}
