/**
 * District names floating over the city, so "Old Town" in the inspector and the event log can be
 * found on the map. Each is a sprite with its text drawn once to a canvas; sprites keep a constant
 * size on screen and are drawn over everything else. Names are scenario text: drawn as text only.
 */
import { useEffect, useMemo } from 'react';
import { CanvasTexture, LinearFilter, Sprite, SpriteMaterial } from 'three';
import type { WorldIndex } from '../store/world-index';

/** Label height as a fraction of the view height (sprites without size attenuation). */
const LABEL_SCALE = 0.021;
const FONT_PX = 40;

function centroid(ring: readonly (readonly [number, number])[]): [number, number] {
  let x = 0;
  let z = 0;
  for (const p of ring) {
    x += p[0];
    z += p[1];
  }
  return [x / Math.max(1, ring.length), z / Math.max(1, ring.length)];
}

function labelSprite(text: string): Sprite {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d')!;
  const font = `600 ${FONT_PX}px system-ui, 'DejaVu Sans', sans-serif`;
  ctx.font = font;
  const label = text.toUpperCase();
  const w = Math.ceil(ctx.measureText(label).width + label.length * 4) + 24;
  canvas.width = w;
  canvas.height = FONT_PX + 20;
  ctx.font = font;
  ctx.textBaseline = 'middle';
  ctx.textAlign = 'center';
  ctx.letterSpacing = '4px';
  ctx.lineWidth = 8;
  ctx.strokeStyle = 'rgba(8, 11, 16, 0.85)';
  ctx.strokeText(label, w / 2, canvas.height / 2);
  ctx.fillStyle = 'rgba(235, 240, 250, 0.92)';
  ctx.fillText(label, w / 2, canvas.height / 2);
  const tex = new CanvasTexture(canvas);
  tex.minFilter = LinearFilter;
  tex.generateMipmaps = false;
  const sprite = new Sprite(new SpriteMaterial({ map: tex, depthTest: false, depthWrite: false, transparent: true, sizeAttenuation: false }));
  sprite.scale.set((LABEL_SCALE * w) / canvas.height, LABEL_SCALE, 1);
  sprite.renderOrder = 10;
  sprite.raycast = () => {};
  return sprite;
}

export function DistrictLabels({ index }: { index: WorldIndex }) {
  const sprites = useMemo(
    () =>
      index.view.city.districts.map((d) => {
        const s = labelSprite(d.name);
        const [x, z] = centroid(d.polygon);
        s.position.set(x, 90, z);
        return s;
      }),
    [index],
  );
  useEffect(
    () => () => {
      for (const s of sprites) {
        s.material.map?.dispose();
        s.material.dispose();
      }
    },
    [sprites],
  );
  return (
    <group>
      {sprites.map((s, i) => (
        <primitive key={i} object={s} />
      ))}
    </group>
  );
}
