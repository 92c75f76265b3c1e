/**
 * An open-addressing hash table from non-negative integer keys (below 2^31) to dense numbers in
 * order of first insertion: much cheaper than a Map for the millions of lookups the attacks make
 * (pseudonyms to traces, places to cells), and allocation-free once grown.
 */
export class IntHash {
  private keys: Int32Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Int32Array(cap).fill(-1);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** The dense number of `key`, adding it when `add` (else -1 for an unknown key). */
  id(key: number, add: boolean): number {
    let h = Math.imul(key, 0x9e3779b1) >>> 0;
    for (;;) {
      const slot = h & this.mask;
      const k = this.keys[slot]!;
      if (k === key) return this.vals[slot]!;
      if (k === -1) {
        if (!add) return -1;
        if ((this.size + 1) * 2 > this.keys.length) {
          this.grow();
          return this.id(key, true);
        }
        this.keys[slot] = key;
        this.vals[slot] = this.size;
        return this.size++;
      }
      h = slot + 1;
    }
  }

  private grow(): void {
    const oldK = this.keys;
    const oldV = this.vals;
    this.keys = new Int32Array(oldK.length * 2).fill(-1);
    this.vals = new Int32Array(oldK.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldK.length; i++) {
      const k = oldK[i]!;
      if (k === -1) continue;
      let h = Math.imul(k, 0x9e3779b1) >>> 0;
      for (;;) {
        const slot = h & this.mask;
        if (this.keys[slot] === -1) {
          this.keys[slot] = k;
          this.vals[slot] = oldV[i]!;
          break;
        }
        h = slot + 1;
      }
    }
  }
}
