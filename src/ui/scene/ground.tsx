/**
 * The ground: a base plane a little larger than the city, district polygons tinted by kind, and
 * the river. Polygons are in ground coordinates (x east, z south) and laid flat at y ≈ 0.
 */
import { useMemo } from 'react';
import { DoubleSide, MeshBasicMaterial, Shape, ShapeGeometry, type BufferGeometry } from 'three';
import { DISTRICT_COLOR, GROUND_COLOR, WATER_COLOR } from '../palette';
import type { WorldIndex } from '../store/world-index';

type Ring = readonly (readonly [number, number])[];

/** A flat geometry for a polygon, lifted to `y`. Shapes are built in (x, -z) and rotated down. */
export function flatPolygon(ring: Ring, y: number): BufferGeometry | null {
  if (ring.length < 3) return null;
  const shape = new Shape();
  shape.moveTo(ring[0]![0], -ring[0]![1]);
  for (let i = 1; i < ring.length; i++) shape.lineTo(ring[i]![0], -ring[i]![1]);
  shape.closePath();
  const g = new ShapeGeometry(shape);
  g.rotateX(-Math.PI / 2);
  g.translate(0, y, 0);
  return g;
}

export function Ground({ index }: { index: WorldIndex }) {
  const { sizeM, districts, water } = index.view.city;
  const parts = useMemo(() => {
    // Later layers win depth ties through a larger polygon offset, not through height alone.
    const mat = (color: string, layer: number) =>
      new MeshBasicMaterial({ color, side: DoubleSide, polygonOffset: true, polygonOffsetFactor: -layer, polygonOffsetUnits: -layer * 2 });
    const out: { key: string; geom: BufferGeometry; material: MeshBasicMaterial }[] = [];
    districts.forEach((d, i) => {
      const g = flatPolygon(d.polygon, 0.05);
      if (g) out.push({ key: `d${i}`, geom: g, material: mat(DISTRICT_COLOR[d.kind] ?? GROUND_COLOR, 1) });
    });
    water.forEach((ring, i) => {
      const g = flatPolygon(ring, 0.15);
      if (g) out.push({ key: `w${i}`, geom: g, material: mat(WATER_COLOR, 2) });
    });
    return out;
  }, [districts, water]);
  const margin = Math.max(sizeM[0], sizeM[1]) * 0.6;

  return (
    <group>
      <mesh position={[sizeM[0] / 2, -0.2, sizeM[1] / 2]} rotation={[-Math.PI / 2, 0, 0]} raycast={() => null}>
        <planeGeometry args={[sizeM[0] + margin * 2, sizeM[1] + margin * 2]} />
        <meshBasicMaterial color={GROUND_COLOR} />
      </mesh>
      {parts.map((p) => (
        <mesh key={p.key} geometry={p.geom} material={p.material} raycast={() => null} />
      ))}
    </group>
  );
}
