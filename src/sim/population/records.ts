/**
 * An append-only log of sensor records in structure-of-arrays form, growing in fixed chunks of
 * typed arrays (never copied on growth, so a week of 100,000 residents' records costs no
 * reallocation spikes). Each record: sensor index, time (s since the start), and the identifier
 * the system itself sees (a vehicle, card, device or face number) — not yet pseudonymised: the
 * dataset's anonymisation is applied when it is released.
 */
export const CHUNK_BITS = 16;
export const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export class RecordLog {
  count = 0;
  readonly sensorChunks: Int32Array[] = [];
  readonly tChunks: Int32Array[] = [];
  readonly idChunks: Int32Array[] = [];

  push(sensor: number, tS: number, id: number): void {
    const off = this.count & MASK;
    if (off === 0) {
      this.sensorChunks.push(new Int32Array(CHUNK));
      this.tChunks.push(new Int32Array(CHUNK));
      this.idChunks.push(new Int32Array(CHUNK));
    }
    const c = this.count >>> CHUNK_BITS;
    this.sensorChunks[c]![off] = sensor;
    this.tChunks[c]![off] = tS;
    this.idChunks[c]![off] = id;
    this.count++;
  }

  sensor(i: number): number {
    return this.sensorChunks[i >>> CHUNK_BITS]![i & MASK]!;
  }

  t(i: number): number {
    return this.tChunks[i >>> CHUNK_BITS]![i & MASK]!;
  }

  id(i: number): number {
    return this.idChunks[i >>> CHUNK_BITS]![i & MASK]!;
  }

  /** Bytes held, for memory figures. */
  get bytes(): number {
    return this.sensorChunks.length * CHUNK * 12;
  }
}

/** A growable Float32 matrix of fixed row width, grown a chunk of columns at a time (meter slots). */
export class SlotMatrix {
  readonly chunks: Float32Array[] = [];
  slots = 0;
  constructor(
    readonly rows: number,
    private readonly slotsPerChunk: number,
  ) {}

  /** Column `slot` (row-major within its chunk: value at rows*localSlot + row). */
  set(slot: number, row: number, v: number): void {
    const c = Math.floor(slot / this.slotsPerChunk);
    while (this.chunks.length <= c) this.chunks.push(new Float32Array(this.rows * this.slotsPerChunk));
    this.chunks[c]![(slot - c * this.slotsPerChunk) * this.rows + row] = v;
    if (slot >= this.slots) this.slots = slot + 1;
  }

  get(slot: number, row: number): number {
    const c = Math.floor(slot / this.slotsPerChunk);
    const ch = this.chunks[c];
    return ch ? ch[(slot - c * this.slotsPerChunk) * this.rows + row]! : 0;
  }
}
