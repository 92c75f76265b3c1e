/**
 * Vehicles as structure-of-arrays. Each lane is a doubly linked list (leader = the vehicle ahead,
 * follower = behind) with its head (front-most) and tail (back-most), so the leader a driver reacts
 * to is one array read and entering, leaving or changing lanes is O(1) (a lane change walks the
 * target lane to find the gap). Slots are reused through a free list; capacity doubles when the
 * city fills up, the only time the model allocates.
 */

/** Why a vehicle is slow or stopped, for the inspector. */
export const WAIT_REASONS = [
  'moving',
  'red signal',
  'amber signal',
  'stop sign (all-way stop)',
  'giving way to main road',
  'road ahead full',
  'queue',
  'dark signal: all-way stop',
  'free',
  'giving way to oncoming traffic',
  'getting into lane for its turn',
  'merging in turn',
  'letting a merging vehicle in',
] as const;
export type WaitReason = (typeof WAIT_REASONS)[number];
export const W_MOVING = 0;
export const W_RED = 1;
export const W_AMBER = 2;
export const W_STOP = 3;
export const W_YIELD = 4;
export const W_FULL = 5;
export const W_QUEUE = 6;
export const W_DARK = 7;
export const W_ONCOMING = 9;
export const W_LANE = 10;
/** Shown, not decided on: V.hold's reasons (the zipper merge) replace wait in the snapshot. */
export const W_MERGE = 11;
export const W_LET_IN = 12;

export const KIND_CAR = 0;
export const KIND_EMERGENCY = 1;

export class VehicleTable {
  capacity: number;
  /** Links a route slot holds; longer routes are re-planned when the slot runs out. */
  readonly slot: number;
  link!: Int32Array;
  lane!: Int32Array;
  pos!: Float64Array;
  speed!: Float64Array;
  acc!: Float64Array;
  leader!: Int32Array;
  follower!: Int32Array;
  routes!: Int32Array;
  routeIdx!: Int32Array;
  routeLen!: Int32Array;
  dest!: Int32Array;
  departMs!: Float64Array;
  routedMs!: Float64Array;
  stoppedSinceMs!: Float64Array;
  nextRerouteMs!: Float64Array;
  /** Free-flow seconds of the links already driven, for delay. */
  freeFlowS!: Float64Array;
  speedFactor!: Float32Array;
  /** For SUMO's tripinfo: length of the links driven (m), seconds stopped (below 0.1 m/s) and time lost against the driver's desired speed. */
  odoM!: Float64Array;
  waitS!: Float64Array;
  lossS!: Float64Array;
  wait!: Uint8Array;
  kind!: Uint8Array;
  canGo!: Uint8Array;
  nextLane!: Int32Array;
  /** The turn (index into the network's outLinks) at the end of the current link, or -1 at the destination. */
  nextTurn!: Int32Array;
  tag!: Int32Array;
  /**
   * The zipper merge (lane-change.ts), refreshed every step: for a driver who must change lanes
   * and cannot yet, the target-lane vehicle it will merge behind; for a target-lane driver, the
   * merging driver it is letting in; and whether it has already let one in on this link.
   */
  mergeBehind!: Int32Array;
  letIn!: Int32Array;
  courtesy!: Uint8Array;
  /**
   * For the inspector only: 1 when the zipper merge is what holds a slow driver back (it waits
   * for the gap behind heldBy), 2 when it is letting heldBy in; 0 otherwise. No rule reads it.
   */
  hold!: Uint8Array;
  heldBy!: Int32Array;
  /** Active vehicles, in a stable order (removal swaps the last one in). */
  active!: Int32Array;
  activeAt!: Int32Array;
  activeCount = 0;
  private free!: Int32Array;
  private freeCount = 0;

  constructor(capacity: number, slot: number) {
    this.capacity = 0;
    this.slot = slot;
    this.grow(Math.max(16, capacity));
  }

  /** Takes a free slot (growing when there is none) and marks it active. */
  alloc(): number {
    if (this.freeCount === 0) this.grow(this.capacity * 2);
    const v = this.free[--this.freeCount]!;
    this.activeAt[v] = this.activeCount;
    this.active[this.activeCount++] = v;
    return v;
  }

  release(v: number): void {
    const at = this.activeAt[v]!;
    const last = this.active[--this.activeCount]!;
    this.active[at] = last;
    this.activeAt[last] = at;
    this.activeAt[v] = -1;
    this.free[this.freeCount++] = v;
  }

  isActive(v: number): boolean {
    return v >= 0 && v < this.capacity && this.activeAt[v]! >= 0;
  }

  private grow(cap: number): void {
    const old = this.capacity;
    const g32 = (a: Int32Array | undefined, fill = 0) => {
      const b = new Int32Array(cap).fill(fill);
      if (a) b.set(a);
      return b;
    };
    const g64 = (a: Float64Array | undefined) => {
      const b = new Float64Array(cap);
      if (a) b.set(a);
      return b;
    };
    const g8 = (a: Uint8Array | undefined) => {
      const b = new Uint8Array(cap);
      if (a) b.set(a);
      return b;
    };
    this.link = g32(this.link);
    this.lane = g32(this.lane);
    this.pos = g64(this.pos);
    this.speed = g64(this.speed);
    this.acc = g64(this.acc);
    this.leader = g32(this.leader, -1);
    this.follower = g32(this.follower, -1);
    const routes = new Int32Array(cap * this.slot);
    if (this.routes) routes.set(this.routes);
    this.routes = routes;
    this.routeIdx = g32(this.routeIdx);
    this.routeLen = g32(this.routeLen);
    this.dest = g32(this.dest);
    this.departMs = g64(this.departMs);
    this.routedMs = g64(this.routedMs);
    this.stoppedSinceMs = g64(this.stoppedSinceMs);
    this.nextRerouteMs = g64(this.nextRerouteMs);
    this.freeFlowS = g64(this.freeFlowS);
    const sf = new Float32Array(cap);
    if (this.speedFactor) sf.set(this.speedFactor);
    this.speedFactor = sf;
    this.odoM = g64(this.odoM);
    this.waitS = g64(this.waitS);
    this.lossS = g64(this.lossS);
    this.wait = g8(this.wait);
    this.kind = g8(this.kind);
    this.canGo = g8(this.canGo);
    this.nextLane = g32(this.nextLane, -1);
    this.nextTurn = g32(this.nextTurn, -1);
    this.tag = g32(this.tag, -1);
    this.mergeBehind = g32(this.mergeBehind, -1);
    this.letIn = g32(this.letIn, -1);
    this.courtesy = g8(this.courtesy);
    this.hold = g8(this.hold);
    this.heldBy = g32(this.heldBy, -1);
    this.active = g32(this.active);
    this.activeAt = g32(this.activeAt, -1);
    const free = new Int32Array(cap);
    if (this.free) free.set(this.free.subarray(0, this.freeCount));
    // New slots go on the free list highest first, so the lowest is handed out first.
    for (let v = cap - 1; v >= old; v--) free[this.freeCount++] = v;
    this.free = free;
    this.capacity = cap;
  }
}
