/**
 * Reads a PNG screenshot's pixels by decoding it in the page itself (an <img> drawn to a 2D
 * canvas), so the tests need no PNG library. Reports how many distinct colours there are, the
 * share of the most common one, and how many pixels are near each of some reference colours.
 */
import type { Page } from 'playwright-core';

export interface PixelStats {
  readonly pixels: number;
  readonly distinct: number;
  /** Fraction of pixels having the single most common colour. */
  readonly topShare: number;
  /** Per reference colour (hex), how many pixels lie within `tolerance` of it on every channel. */
  readonly near: Record<string, number>;
}

export async function pixelStats(page: Page, png: Buffer, refs: readonly string[] = [], tolerance = 28): Promise<PixelStats> {
  return page.evaluate(
    async ({ b64, refs, tolerance }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const counts = new Map<number, number>();
      const rgb = refs.map((h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)] as const);
      const near: Record<string, number> = Object.fromEntries(refs.map((r) => [r, 0]));
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i]!,
          g = data[i + 1]!,
          b = data[i + 2]!;
        const key = (r << 16) | (g << 8) | b;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        rgb.forEach(([R, G, B], k) => {
          if (Math.abs(r - R) <= tolerance && Math.abs(g - G) <= tolerance && Math.abs(b - B) <= tolerance) near[refs[k]!]!++;
        });
      }
      let top = 0;
      for (const v of counts.values()) top = Math.max(top, v);
      const pixels = data.length / 4;
      return { pixels, distinct: counts.size, topShare: top / pixels, near };
    },
    { b64: png.toString('base64'), refs: [...refs], tolerance },
  );
}
