/**
 * A stable 64-bit hash (two independent FNV-1a 32-bit lanes) written as 16 hex digits. Used to pin
 * whole runs: the same inputs give the same hash in Node and in the browser.
 */
export class Hasher {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193 ^ 0x9e3779b9;

  str(s: string): this {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      this.h1 = Math.imul(this.h1 ^ c, 0x01000193);
      this.h2 = Math.imul(this.h2 ^ c, 0x5bd1e995);
      this.h2 ^= this.h2 >>> 15;
    }
    return this.sep();
  }

  num(n: number): this {
    return this.str(Number.isInteger(n) ? String(n) : n.toPrecision(12));
  }

  bytes(a: ArrayLike<number>): this {
    for (let i = 0; i < a.length; i++) {
      const c = a[i]! & 0xff;
      this.h1 = Math.imul(this.h1 ^ c, 0x01000193);
      this.h2 = Math.imul(this.h2 ^ c, 0x5bd1e995);
      this.h2 ^= this.h2 >>> 15;
    }
    return this.sep();
  }

  digest(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
    return hex(this.h1) + hex(this.h2);
  }

  private sep(): this {
    this.h1 = Math.imul(this.h1 ^ 0x1f, 0x01000193);
    this.h2 = Math.imul(this.h2 ^ 0x1f, 0x5bd1e995);
    return this;
  }
}

/** JSON with object keys sorted, so the same data always gives the same text. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}
