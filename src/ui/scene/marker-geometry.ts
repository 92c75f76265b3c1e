/**
 * Marker shapes in the scene, one per subsystem (the legend draws the same shapes), and the
 * relative size of each asset kind. Geometries are unit-sized, centred on the origin.
 */
import { BoxGeometry, BufferGeometry, ConeGeometry, CylinderGeometry, OctahedronGeometry, SphereGeometry } from 'three';
import { SUBSYSTEM_SHAPE, type MarkerShape } from '../palette';

const cache = new Map<MarkerShape, BufferGeometry>();

function make(shape: MarkerShape): BufferGeometry {
  switch (shape) {
    case 'diamond':
      return new OctahedronGeometry(0.6).scale(1, 1.35, 1);
    case 'drum':
      return new CylinderGeometry(0.45, 0.45, 0.85, 18);
    case 'cone':
      return new ConeGeometry(0.48, 1.05, 14);
    case 'ball':
      return new SphereGeometry(0.47, 18, 12);
    case 'cube':
      return new BoxGeometry(0.78, 0.78, 0.78);
    case 'hexagon':
      return new CylinderGeometry(0.58, 0.58, 1.0, 6);
    case 'disc':
      return new CylinderGeometry(1, 1, 1, 6);
    default: {
      const never: never = shape;
      throw new Error(`no geometry for ${String(never)}`);
    }
  }
}

export function markerGeometry(shape: MarkerShape): BufferGeometry {
  let g = cache.get(shape);
  if (!g) cache.set(shape, (g = make(shape)));
  return g;
}

export function shapeOf(subsystem: string): MarkerShape {
  return (SUBSYSTEM_SHAPE as Record<string, MarkerShape>)[subsystem] ?? 'cube';
}

/** Size of each kind relative to an ordinary device; kinds not listed are 1. */
const KIND_SIZE: Record<string, number> = {
  'grid-supply-point': 1.9,
  substation: 1.35,
  'water-treatment': 1.8,
  reservoir: 1.6,
  'pumping-station': 1.25,
  'water-tower': 1.25,
  'traffic-signal': 0.62,
  camera: 0.6,
  nvr: 1.0,
  'comms-core': 1.7,
  'comms-aggregation': 1.1,
  'access-switch': 0.8,
  'vendor-gateway': 1.15,
  hospital: 1.7,
  'police-hq': 1.45,
  'data-centre': 1.55,
  'transit-hub': 1.45,
  'council-office': 1.35,
  school: 1.1,
};

export function kindSize(kind: string): number {
  return KIND_SIZE[kind] ?? 1;
}

/** Base marker size in metres at marker scale 1. */
export const MARKER_BASE_M = 26;

/** Ground radius of a neighbourhood disc: grows with its residents, within sensible bounds. */
export function discRadius(population: number): number {
  return Math.min(260, Math.max(70, 45 + Math.sqrt(population) * 2.2));
}
