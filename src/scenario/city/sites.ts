/**
 * The sites that matter in a cascade: hospital, police HQ, water works, pumping stations,
 * substations, data centre, transit hub, schools, council offices and sensitive sites. Each takes
 * a whole street block in a chosen district, nearest a preferred spot.
 */
import type { Rng } from '../../sim';
import { BLOCK_M, DISTRICT_SEEDS, type Block, type Layout } from './layout';
import type { Pt } from './geometry';

export interface SiteType {
  readonly kind: string;
  readonly name: string;
  readonly subsystem: 'power' | 'water' | 'civic' | 'comms';
  /** Footprint width, depth and height of the site's main building, metres. */
  readonly building: readonly [number, number, number];
  readonly critical: boolean;
}

export interface Site {
  readonly id: string;
  readonly type: SiteType;
  readonly block: Block;
  readonly position: Pt;
  readonly name: string;
  readonly district: string;
}

const T = (kind: string, name: string, subsystem: SiteType['subsystem'], building: [number, number, number], critical = false): SiteType => ({
  kind,
  name,
  subsystem,
  building,
  critical,
});

export const SITE_TYPES = {
  hospital: T('hospital', 'General Hospital', 'civic', [80, 60, 28], true),
  police: T('police-hq', 'Police Headquarters', 'civic', [50, 40, 22], true),
  council: T('council-office', 'Council Offices', 'civic', [60, 40, 30]),
  dataCentre: T('data-centre', 'City Data Centre', 'civic', [70, 50, 12], true),
  transit: T('transit-hub', 'Central Station', 'civic', [80, 40, 16], true),
  school: T('school', 'School', 'civic', [50, 35, 10]),
  clinic: T('clinic', 'Sexual Health Clinic', 'civic', [25, 20, 8]),
  worship: T('place-of-worship', 'Place of Worship', 'civic', [30, 22, 14]),
  jobCentre: T('job-centre', 'Job Centre', 'civic', [30, 20, 9]),
  treatment: T('water-treatment', 'Water Treatment Works', 'water', [80, 70, 10], true),
  reservoir: T('reservoir', 'Service Reservoir', 'water', [70, 70, 4], true),
  pumping: T('pumping-station', 'Pumping Station', 'water', [20, 15, 7], true),
  tower: T('water-tower', 'Water Tower', 'water', [12, 12, 30]),
  gsp: T('grid-supply-point', 'Grid Supply Point', 'power', [70, 60, 12], true),
  substation: T('substation', 'Primary Substation', 'power', [30, 25, 6], true),
} as const;

interface Placement {
  readonly type: SiteType;
  readonly district: string;
  /** Preferred spot as a fraction of the city size; the nearest free block in the district wins. */
  readonly near?: Pt;
  readonly suffix?: string;
}

export function placeSites(layout: Layout, rng: Rng): Site[] {
  const [w, h] = layout.sizeM;
  const taken = new Set<Block>();
  const sites: Site[] = [];
  const idCount = new Map<string, number>();
  const districtIndex = (id: string) => DISTRICT_SEEDS.findIndex((d) => d.id === id);

  const place = (p: Placement) => {
    const di = districtIndex(p.district);
    const target: Pt = p.near ? [p.near[0] * w, p.near[1] * h] : layout.districtSeeds[di]!;
    let best: Block | null = null;
    let bestD = Infinity;
    for (const b of layout.blocks) {
      if (b.district !== di || taken.has(b)) continue;
      const d = (b.x0 + BLOCK_M / 2 - target[0]) ** 2 + (b.z0 + BLOCK_M / 2 - target[1]) ** 2 + rng.next();
      if (d < bestD) {
        bestD = d;
        best = b;
      }
    }
    if (!best) return;
    taken.add(best);
    const n = (idCount.get(p.type.kind) ?? 0) + 1;
    idCount.set(p.type.kind, n);
    const single = p.type.kind !== 'school' && p.type.kind !== 'pumping-station' && p.type.kind !== 'water-tower' && p.type.kind !== 'substation';
    const districtName = DISTRICT_SEEDS[di]!.name;
    sites.push({
      id: p.type.kind === 'substation' ? `substation-${p.district}` : single ? p.type.kind : `${p.type.kind}-${p.suffix ?? n}`,
      type: p.type,
      block: best,
      position: [best.x0 + BLOCK_M / 2, best.z0 + BLOCK_M / 2],
      name: single ? p.type.name : `${districtName} ${p.type.name}`,
      district: DISTRICT_SEEDS[di]!.id,
    });
  };

  const S = SITE_TYPES;
  place({ type: S.gsp, district: 'eastfield', near: [0.95, 0.7] });
  for (const d of DISTRICT_SEEDS) if (d.kind !== 'parkland') place({ type: S.substation, district: d.id });
  place({ type: S.treatment, district: 'canal-works', near: [0.05, 0.66] });
  place({ type: S.reservoir, district: 'hillside', near: [0.08, 0.06] });
  place({ type: S.pumping, district: 'hillside', near: [0.22, 0.3], suffix: 'hillside' });
  place({ type: S.pumping, district: 'old-town', near: [0.55, 0.5], suffix: 'old-town' });
  place({ type: S.pumping, district: 'elm-park', near: [0.85, 0.3], suffix: 'elm-park' });
  place({ type: S.pumping, district: 'southmead', near: [0.35, 0.75], suffix: 'southmead' });
  place({ type: S.tower, district: 'northgate', near: [0.6, 0.05], suffix: 'northgate' });
  place({ type: S.tower, district: 'riverside-south', near: [0.7, 0.95], suffix: 'riverside-south' });
  place({ type: S.hospital, district: 'northgate', near: [0.5, 0.25] });
  place({ type: S.police, district: 'old-town', near: [0.48, 0.4] });
  place({ type: S.council, district: 'old-town', near: [0.52, 0.44] });
  place({ type: S.transit, district: 'quayside', near: [0.5, 0.62] });
  place({ type: S.dataCentre, district: 'eastfield', near: [0.82, 0.55] });
  place({ type: S.clinic, district: 'market-quarter' });
  place({ type: S.worship, district: 'westbrook' });
  place({ type: S.jobCentre, district: 'southmead' });
  for (const d of ['northgate', 'hillside', 'westbrook', 'elm-park', 'southmead', 'riverside-south']) {
    place({ type: S.school, district: d, suffix: d });
  }
  return sites;
}
