/**
 * What colour each comms link is drawn in, as pure functions of the live snapshot (the 3D layer
 * turns the hex strings into vertex colours; tests check them directly). A link's ribbon shows its
 * state: down, congested, on the attacker's path, or its utilisation band. A link that carries
 * device data to a vendor cloud (camera video and the analytics riding it) also gets a centre
 * stripe in the colour of that cloud's jurisdiction — the data-flow overlay — unless it is down or
 * congested, whose colours win. Exfiltration is drawn apart, as lines above the city.
 */
import type { CyberView } from '../../worker/cyber-view';
import { ATTACK_PATH_COLOR, DOWN_LINK_COLOR, jurisdictionColor, utilBand } from './cyber-style';

/** The parts of the snapshot's cyber state the link colours read. */
export interface LinkState {
  readonly linkUtil: Float32Array;
  readonly linkState: Uint8Array;
  readonly attackPath: Uint8Array;
  /** Absent in snapshots from before the overlay: no stripes then. */
  readonly linkCloud?: Int32Array;
}

/** The ribbon: down near-black; congested red; else the attacker's path in violet; else the utilisation band. */
export function ribbonColor(c: LinkState, l: number): string {
  const band = utilBand(c.linkUtil[l]!, c.linkState[l]!);
  if (band === null) return DOWN_LINK_COLOR;
  if (band.id !== 'congested' && c.attackPath[l]) return ATTACK_PATH_COLOR;
  return band.color;
}

/** The cloud a link carries device data to, when it is up and not congested; null otherwise. */
export function flowCloud(c: LinkState, l: number): number | null {
  const n = c.linkCloud?.[l] ?? -1;
  return n >= 0 && c.linkState[l] === 1 ? n : null;
}

/** The stripe: the jurisdiction colour of the cloud the link carries data to, or null for no stripe. */
export function flowTint(cv: Pick<CyberView, 'nodeJurisdiction' | 'homeJurisdiction'>, c: LinkState, l: number): string | null {
  const n = flowCloud(c, l);
  return n === null ? null : jurisdictionColor(cv.nodeJurisdiction[n] ?? null, cv.homeJurisdiction);
}

/** The jurisdictions vendor clouds sit in, for the legend (sorted, the city's own first). */
export function cloudJurisdictions(cv: Pick<CyberView, 'vendors' | 'homeJurisdiction'>): string[] {
  const js = [...new Set(cv.vendors.map((v) => v.cloudJurisdiction).filter((j): j is string => j !== null))].sort();
  return js.sort((a, b) => (a === cv.homeJurisdiction ? -1 : b === cv.homeJurisdiction ? 1 : 0));
}
