/**
 * Sharing link bandwidth among flows, once a comms step, without allocating.
 *
 * - Max-min fairness (Bertsekas & Gallager, "Data Networks", 2nd ed., §6.5.2, progressive
 *   filling): every flow gets as much as it asks for or its fair share at its tightest link,
 *   whichever is less. That is what fair queueing / QoS gives: a flood cannot starve a small
 *   control flow. Implemented as bottleneck filling with a lazy min-heap of link fair shares —
 *   freezing flows only raises the fair share of the links they leave, so a stale heap key is a
 *   lower bound and can be refreshed on pop.
 * - Proportional (drop-tail FIFO): each link passes traffic in proportion to what is offered, so
 *   under a flood every flow through the link loses the same share — which is why a camera
 *   botnet's flood (Mirai, Antonakakis et al., USENIX Security 2017) degrades the signal and
 *   SCADA traffic that shares its backhaul.
 */

/** Flows in structure-of-arrays form; paths are CSR slices of `pathLinks`. */
export interface FlowArrays {
  count: number;
  /** What the flow offers now, bit/s (0 when blocked or stopped). */
  offered: Float64Array;
  pathStart: Int32Array;
  pathLen: Int32Array;
  pathLinks: Int32Array;
  /** Output: the rate each flow gets, bit/s. */
  rate: Float64Array;
}

/** Scratch space reused every step; build it again only when flows or paths change. */
export class SharingWorkspace {
  readonly rem: Float64Array;
  readonly active: Int32Array;
  readonly load: Float64Array;
  readonly offeredAt: Float64Array;
  readonly frozen: Uint8Array;
  /** Flows sorted by offered load (ascending), refreshed by `sortFlows`. */
  readonly order: Int32Array;
  /** CSR: the flows crossing each link. */
  readonly linkFlowStart: Int32Array;
  readonly linkFlows: Int32Array;
  private readonly heapLink: Int32Array;
  private readonly heapKey: Float64Array;
  private heapSize = 0;

  constructor(linkCount: number, flows: FlowArrays) {
    this.rem = new Float64Array(linkCount);
    this.active = new Int32Array(linkCount);
    this.load = new Float64Array(linkCount);
    this.offeredAt = new Float64Array(linkCount);
    this.frozen = new Uint8Array(flows.count);
    this.order = new Int32Array(flows.count);
    const counts = new Int32Array(linkCount + 1);
    let total = 0;
    for (let f = 0; f < flows.count; f++) {
      const s = flows.pathStart[f]!;
      for (let p = 0; p < flows.pathLen[f]!; p++) counts[flows.pathLinks[s + p]! + 1]!++;
      total += flows.pathLen[f]!;
    }
    for (let l = 0; l < linkCount; l++) counts[l + 1]! += counts[l]!;
    this.linkFlowStart = counts;
    this.linkFlows = new Int32Array(total);
    const fill = counts.slice(0, linkCount);
    for (let f = 0; f < flows.count; f++) {
      const s = flows.pathStart[f]!;
      for (let p = 0; p < flows.pathLen[f]!; p++) {
        const l = flows.pathLinks[s + p]!;
        this.linkFlows[fill[l]!++] = f;
      }
    }
    // Every freeze can push each link on its path once; plus the initial push per link.
    this.heapLink = new Int32Array(linkCount + total + 1);
    this.heapKey = new Float64Array(linkCount + total + 1);
    for (let f = 0; f < flows.count; f++) this.order[f] = f;
  }

  /** Re-sorts flows by offered load; call when offered loads change (not every step). */
  sortFlows(flows: FlowArrays): void {
    const o = flows.offered;
    this.order.sort((a, b) => o[a]! - o[b]! || a - b);
  }

  heapClear(): void {
    this.heapSize = 0;
  }

  heapPush(link: number, key: number): void {
    let i = this.heapSize++;
    const hl = this.heapLink;
    const hk = this.heapKey;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hk[p]! < key || (hk[p] === key && hl[p]! <= link)) break;
      hl[i] = hl[p]!;
      hk[i] = hk[p]!;
      i = p;
    }
    hl[i] = link;
    hk[i] = key;
  }

  heapTopLink(): number {
    return this.heapSize > 0 ? this.heapLink[0]! : -1;
  }

  heapTopKey(): number {
    return this.heapKey[0]!;
  }

  heapPop(): void {
    const hl = this.heapLink;
    const hk = this.heapKey;
    const n = --this.heapSize;
    if (n <= 0) return;
    const link = hl[n]!;
    const key = hk[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (hk[c + 1]! < hk[c]! || (hk[c + 1] === hk[c] && hl[c + 1]! < hl[c]!))) c++;
      if (hk[c]! > key || (hk[c] === key && hl[c]! >= link)) break;
      hl[i] = hl[c]!;
      hk[i] = hk[c]!;
      i = c;
    }
    hl[i] = link;
    hk[i] = key;
  }
}

/** What the flows offer each of the first L links, summed over the flows that cross it (bit/s), into `offeredAt`. */
function offeredPerLink(flows: FlowArrays, offeredAt: Float64Array, L: number): void {
  const { offered, pathStart, pathLen, pathLinks } = flows;
  offeredAt.fill(0, 0, L);
  for (let f = 0; f < flows.count; f++) {
    const d = offered[f]!;
    if (d <= 0) continue;
    const s = pathStart[f]!;
    for (let p = 0; p < pathLen[f]!; p++) offeredAt[pathLinks[s + p]!]! += d;
  }
}

/** Max-min fair rates (bit/s) into `flows.rate`; `ws.load` gets each link's carried load. */
export function shareMaxMin(capacity: Float64Array, flows: FlowArrays, ws: SharingWorkspace): void {
  const L = capacity.length;
  const { rem, active, frozen, order, linkFlowStart, linkFlows, load } = ws;
  const { offered, pathStart, pathLen, pathLinks, rate } = flows;
  const { offeredAt } = ws;
  for (let l = 0; l < L; l++) {
    rem[l] = capacity[l]!;
    active[l] = 0;
    load[l] = 0;
  }
  offeredPerLink(flows, offeredAt, L);
  // A flow whose every link can carry all that is offered to it gets its whole demand (no
  // allocation exceeds a demand, so those links never bind); only the rest need filling.
  for (let f = 0; f < flows.count; f++) {
    rate[f] = 0;
    if (offered[f]! <= 0) {
      frozen[f] = 1;
      continue;
    }
    frozen[f] = 0;
    const s = pathStart[f]!;
    let free = true;
    for (let p = 0; p < pathLen[f]!; p++) if (offeredAt[pathLinks[s + p]!]! > capacity[pathLinks[s + p]!]!) free = false;
    if (!free) continue;
    rate[f] = offered[f]!;
    frozen[f] = 1;
    for (let p = 0; p < pathLen[f]!; p++) {
      const l = pathLinks[s + p]!;
      rem[l] = Math.max(0, rem[l]! - offered[f]!);
      load[l]! += offered[f]!;
    }
  }
  for (let f = 0; f < flows.count; f++) {
    if (frozen[f]) continue;
    const s = pathStart[f]!;
    for (let p = 0; p < pathLen[f]!; p++) active[pathLinks[s + p]!]!++;
  }
  ws.heapClear();
  for (let l = 0; l < L; l++) if (active[l]! > 0) ws.heapPush(l, rem[l]! / active[l]!);
  let ptr = 0;
  const F = flows.count;
  for (;;) {
    while (ptr < F && frozen[order[ptr]!]) ptr++;
    if (ptr >= F) break;
    // The tightest link, with its key refreshed (keys only ever rise).
    let share = Infinity;
    for (;;) {
      const l = ws.heapTopLink();
      if (l < 0) break;
      if (active[l]! <= 0) {
        ws.heapPop();
        continue;
      }
      const cur = rem[l]! / active[l]!;
      if (cur > ws.heapTopKey() * (1 + 1e-12) + 1e-9) {
        ws.heapPop();
        ws.heapPush(l, cur);
        continue;
      }
      share = cur;
      break;
    }
    const f = order[ptr]!;
    const d = offered[f]!;
    if (d <= share) {
      freeze(f, d, flows, ws);
      ptr++;
      continue;
    }
    const l = ws.heapTopLink();
    ws.heapPop();
    for (let k = linkFlowStart[l]!; k < linkFlowStart[l + 1]!; k++) {
      const g = linkFlows[k]!;
      if (!frozen[g]) freeze(g, share, flows, ws);
    }
  }
}

/** Fixes a flow's rate and takes it off the links it crosses. */
function freeze(f: number, r: number, flows: FlowArrays, ws: SharingWorkspace): void {
  const { rem, active, load } = ws;
  flows.rate[f] = r;
  ws.frozen[f] = 1;
  const s = flows.pathStart[f]!;
  for (let p = 0; p < flows.pathLen[f]!; p++) {
    const l = flows.pathLinks[s + p]!;
    rem[l] = Math.max(0, rem[l]! - r);
    active[l]!--;
    load[l]! += r;
  }
}

/** Drop-tail sharing: each link scales what it is offered down to its capacity. */
export function shareProportional(capacity: Float64Array, flows: FlowArrays, ws: SharingWorkspace): void {
  const L = capacity.length;
  const { offeredAt, load, rem } = ws;
  const { offered, pathStart, pathLen, pathLinks, rate } = flows;
  load.fill(0, 0, L);
  offeredPerLink(flows, offeredAt, L);
  // rem[l] holds the pass factor of link l.
  for (let l = 0; l < L; l++) rem[l] = offeredAt[l]! > capacity[l]! ? capacity[l]! / offeredAt[l]! : 1;
  for (let f = 0; f < flows.count; f++) {
    const d = offered[f]!;
    if (d <= 0) {
      rate[f] = 0;
      continue;
    }
    const s = pathStart[f]!;
    let k = 1;
    for (let p = 0; p < pathLen[f]!; p++) k = Math.min(k, rem[pathLinks[s + p]!]!);
    const r = d * k;
    rate[f] = r;
    for (let p = 0; p < pathLen[f]!; p++) load[pathLinks[s + p]!]! += r;
  }
}
