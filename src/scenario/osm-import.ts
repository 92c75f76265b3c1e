/**
 * Importing an OpenStreetMap extract as a scenario, over the file's text alone (no file system:
 * the command line and the browser's worker both call it): the town is built (city/osm-town.ts),
 * a scenario is written that references the extract and already has a grid-automation vendor and
 * a camera vendor with remote maintenance, an inject that compromises the first and opens every
 * primary substation's breakers, a camera-data disclosure, a decision and what players are
 * expected to do — so a new user sees a cascade in their own town in one step — and the scenario
 * is compiled as `twin run` would, so what is written is known to load. The report says what the
 * town holds, kind by kind, from OpenStreetMap and synthesised.
 */
import { buildOsmCity, type OsmCity } from './city/osm-city';
import { buildOsmTown, type OsmTown } from './city/osm-town';
import { describeSignalNodes } from './city/osm-signals';
import { parseOsm } from './import/osm';
import { issue, type ScenarioIssue } from './issues';
import { loadScenarioText, type LoadResult } from './load';

export interface OsmImportOptions {
  /** How the scenario references the extract (relative to the scenario file). */
  readonly osmPath: string;
  /** Shown in messages about the extract. */
  readonly fileName: string;
  /** The town's name (default: the file's name without .osm). */
  readonly name?: string;
  /** Lay out what OSM lacks (default true). */
  readonly infrastructure?: boolean;
}

export type OsmImportResult =
  | {
      readonly ok: true;
      /** The scenario, ready for JSON.stringify. */
      readonly scenario: Record<string, unknown>;
      /** What the town holds and what was cleaned, dropped or synthesised, a line each. */
      readonly report: string[];
      readonly built: OsmCity;
      readonly town: OsmTown;
      /** The scenario compiled, as `twin run` will load it. */
      readonly loaded: Extract<LoadResult, { ok: true }>;
    }
  | { readonly ok: false; readonly issues: ScenarioIssue[] };

const GRID_VENDOR = 'aurora';
const CAMERA_VENDOR = 'kestrel';

export function importOsm(text: string, o: OsmImportOptions): OsmImportResult {
  const parsed = parseOsm(text, o.fileName);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  const name = o.name?.trim() || o.fileName.replace(/^.*[\\/]/, '').replace(/\.osm$/i, '') || 'Imported town';
  const built = buildOsmCity(parsed.data, name);
  if (built.roads.length === 0)
    return {
      ok: false,
      issues: [issue(o.fileName, 'has no drivable roads (highway=residential, primary, ...)', 'export an area with streets, e.g. a whole town centre')],
    };
  const infrastructure = o.infrastructure ?? true;
  const vendors = [
    {
      id: GRID_VENDOR,
      name: 'Aurora Grid Automation',
      jurisdiction: 'Republic of Calderra',
      supplies: ['grid-supply-point', 'substation', 'secondary-substation'],
      remoteMaintenance: true,
      cloud: { jurisdiction: 'Republic of Calderra' },
      notes: 'A fictional vendor: the remote terminal units and protection relays in the substations, with a standing VPN for maintenance.',
    },
    {
      id: CAMERA_VENDOR,
      name: 'Kestrel Vision Systems',
      jurisdiction: 'Republic of Calderra',
      supplies: ['camera', 'nvr'],
      remoteMaintenance: true,
      cloud: { jurisdiction: 'Republic of Calderra' },
      notes: "A fictional vendor: the council's street cameras and recorders, with analytics in its own cloud.",
    },
  ];
  const town = buildOsmTown(parsed.data, built, { name, infrastructure, remoteVendors: [GRID_VENDOR, CAMERA_VENDOR] });
  const scenario = writeScenario(name, o.osmPath, infrastructure, vendors, town);
  const loaded = loadScenarioText(JSON.stringify(scenario), { fileName: 'the imported scenario', readFile: (rel) => (rel === o.osmPath ? text : null) });
  if (!loaded.ok) return { ok: false, issues: loaded.issues };
  return { ok: true, scenario, report: describeImport(o.fileName, built, town), built, town, loaded };
}

function writeScenario(name: string, osmPath: string, infrastructure: boolean, vendors: readonly object[], town: OsmTown): Record<string, unknown> {
  const id =
    name
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'osm-town';
  const of = (kind: string) => town.assets.filter((a) => a.kind === kind);
  const substations = of('substation').map((a) => a.id as string);
  const hospital = of('hospital')[0];
  const cameras = of('camera').length;
  const injects: object[] = [];
  const decisions: object[] = [];
  if (substations.length > 0) {
    injects.push(
      {
        id: 'vendor-compromise',
        at: '10m',
        title: "Aurora's remote-maintenance link is hijacked; breakers open at every primary substation",
        description: `Using stolen credentials for Aurora Grid Automation's maintenance VPN, an attacker reaches the substation controllers and opens the breakers at ${substations.length} primary substation(s). Watch the loss of power reach the signals at once, the street cabinets and cameras when their batteries run out, the pumping stations after 20 minutes, and the neighbourhoods' water after that.`,
        attack: 'T0822',
        commands: [
          { type: 'vendor.compromise', vendor: GRID_VENDOR, technique: 'T0822' },
          {
            type: 'asset.disable',
            targets: { vendor: GRID_VENDOR, kind: 'substation' },
            technique: 'T0855',
            reason: "breakers opened remotely from the vendor's maintenance session",
          },
        ],
        expected: [
          { id: 'cut-access', description: "Cut the vendor's remote access before restoring anything", command: 'asset.secure', within: '30m' },
          { id: 'send-crews', description: 'Send crews to the substations', command: 'power.crew.dispatch', within: '1h' },
          ...(hospital ? [{ id: 'warn-hospital', description: `Warn ${hospital.name} that its water supply is at risk`, within: '45m' }] : []),
        ],
      },
      {
        id: 'manual-restoration',
        at: '3h',
        title: 'Crews re-close the breakers by hand',
        description: 'With SCADA no longer trusted, field crews drive to each substation and re-close the breakers locally.',
        commands: [
          {
            type: 'asset.restore',
            targets: { vendor: GRID_VENDOR, kind: 'substation' },
            actor: 'operator',
            reason: 'breakers re-closed locally by a field crew',
          },
        ],
      },
      {
        id: 'cut-vendor-access',
        title: "Cut Aurora's remote access and reset its devices",
        description: "The operator revokes the vendor's VPN and resets the credentials on every Aurora device.",
        commands: [{ type: 'asset.secure', targets: { vendor: GRID_VENDOR } }],
      },
    );
    decisions.push({
      id: 'restore-or-isolate',
      title: 'Re-close the breakers remotely now, or isolate the vendor first?',
      prompt:
        "The primary substations are open. SCADA says the breakers can be re-closed from the control room, but the attacker still holds Aurora's maintenance link.",
      afterInject: 'vendor-compromise',
      budget: '15m',
      options: [
        {
          id: 'isolate-then-crews',
          label: "Cut Aurora's access, then re-close the breakers",
          recommended: true,
          commands: [
            { type: 'asset.secure', targets: { vendor: GRID_VENDOR } },
            { type: 'power.crew.dispatch', substations },
          ],
        },
        { id: 'crews-now', label: "Send crews to switch by hand; leave Aurora's access in place", commands: [{ type: 'power.crew.dispatch', substations }] },
        { id: 'wait', label: 'Wait for the vendor to investigate', commands: [] },
      ],
    });
  }
  if (cameras > 0 && town.population > 0)
    injects.push({
      id: 'camera-data-disclosure',
      at: '2h',
      title: "Calderra compels Kestrel to hand over the town's camera data",
      description: `A legal order in Calderra obliges Kestrel Vision Systems to disclose what its cloud holds for ${name}: number-plate reads, face-match detections and Wi-Fi probe sightings.`,
      commands: [{ type: 'privacy.attacker.acquire', datasets: ['anpr', 'face', 'wifi'], how: 'compelled' }],
    });
  const synthesised = town.assets.filter((a) => a.synthetic).length;
  return {
    $schema: './scenario.schema.json',
    version: 1,
    meta: {
      id,
      title: `${name}: a grid vendor's maintenance link is hijacked`,
      summary: `${name} from OpenStreetMap: its buildings, streets, signals and the infrastructure OpenStreetMap maps${
        infrastructure ? `, with ${synthesised} asset(s) it does not map laid out on its streets by the generated city's rules (marked synthetic)` : ''
      }. A fictional grid-automation vendor's maintenance link is hijacked and every primary substation opens. Map data © OpenStreetMap contributors (ODbL).`,
      audience: ['briefer', 'facilitator', 'student'],
      place: name,
    },
    seed: 1,
    duration: '4h',
    city: { name, osm: osmPath, ...(infrastructure ? {} : { infrastructure: false }) },
    ...(town.population > 0 ? { population: { history: '1d', startDay: 'monday', startHour: 8 } } : {}),
    traffic: { demand: { city: { peakTripsPerHour: 600, startClock: '07:30' } } },
    vendors,
    injects,
    decisions,
  };
}

/** Families of kinds, in the order the report gives them, with a name for each kind. */
const FAMILIES: readonly (readonly [string, readonly (readonly [string, string])[]])[] = [
  ['cameras', [['camera', 'street cameras']]],
  [
    'power',
    [
      ['grid-supply-point', 'grid supply points'],
      ['substation', 'primary substations'],
      ['secondary-substation', 'local substations and transformers'],
      ['power-cabinet', 'power cabinets'],
      ['power-plant', 'power stations'],
      ['generator', 'generators'],
    ],
  ],
  [
    'water',
    [
      ['water-treatment', 'treatment works'],
      ['reservoir', 'service reservoirs'],
      ['pumping-station', 'pumping stations'],
      ['water-tower', 'water towers'],
      ['water-tank', 'water tanks'],
    ],
  ],
  [
    'comms',
    [
      ['data-centre', 'data centres'],
      ['comms-core', 'network core'],
      ['comms-aggregation', 'aggregation nodes (exchanges)'],
      ['access-switch', 'street-cabinet switches'],
      ['comms-mast', 'masts'],
      ['vendor-gateway', 'vendor gateways'],
      ['nvr', 'video recorders'],
    ],
  ],
  [
    'traffic',
    [
      ['traffic-signal', 'signalised junctions'],
      ['signal-controller', 'signal controller cabinets'],
    ],
  ],
  [
    'civic and sensitive sites',
    [
      ['hospital', 'hospitals'],
      ['police-hq', 'police stations'],
      ['fire-station', 'fire stations'],
      ['school', 'schools'],
      ['council-office', 'town halls'],
      ['community-centre', 'community centres'],
      ['transit-hub', 'railway stations'],
      ['clinic', 'clinics and doctors'],
      ['place-of-worship', 'places of worship'],
      ['support-centre', 'social facilities'],
      ['job-centre', 'job centres'],
    ],
  ],
];

export function describeImport(file: string, built: OsmCity, town: OsmTown): string[] {
  const s = built.stats;
  const r = town.report;
  const count = (kind: string) => r.counts.find((c) => c.kind === kind) ?? { kind, osm: 0, synthesised: 0 };
  const lines = [
    `${file}: ${s.buildings} buildings, ${s.roadWays} drivable ways → ${s.links} road links, ${built.signals.length} signalised junctions`,
    `  cleaned: ${s.duplicateNodes} duplicate node(s) snapped together, ${s.mergedJunctions} junction(s) merged across very short pieces, ${s.waysCut} way(s) cut where they leave the extract, ${s.droppedDisconnected} piece(s) not connected to the main network dropped`,
    `  signals: ${describeSignalNodes(built.signalNodes)}`,
    `  districts: ${r.districts.count}, ${r.districts.from === 'places' ? "from OpenStreetMap's named places" : 'from clusters of buildings'} (${town.city.districts.map((d) => d.name).join(', ')})`,
    `  residents: ${r.residents.count.toLocaleString('en-GB')} ${r.residents.from === 'scenario' ? 'as the scenario gives' : 'from the homes’ floor area (45 m² each)'}, in ${count('neighbourhood').osm + count('neighbourhood').synthesised} neighbourhood(s)`,
  ];
  for (const [family, kinds] of FAMILIES) {
    const parts = kinds.flatMap(([k, label]) => {
      const c = count(k);
      return c.osm + c.synthesised > 0 || k === 'camera' ? [`${label}: ${c.osm} from OSM, ${c.synthesised} synthesised`] : [];
    });
    const one = kinds.length === 1 ? count(kinds[0]![0]) : null;
    lines.push(`  ${family}: ${one ? `${one.osm} from OSM, ${one.synthesised} synthesised` : parts.length > 0 ? parts.join('; ') : 'none'}`);
  }
  const c = r.cameras;
  const defaults = [
    c.defaultHeading > 0
      ? `${c.defaultHeading} without a readable direction look at the nearest street${c.unreadableDirection > 0 ? ` (${c.unreadableDirection} with a direction that could not be read)` : ''}`
      : '',
    c.defaultType > 0 ? `${c.defaultType} without camera:type taken as fixed` : '',
    c.defaultHeight > 0 ? `${c.defaultHeight} without height or camera:mount at 6 m` : '',
  ].filter(Boolean);
  lines.push(
    `  OSM cameras: ${c.street} street camera(s), ${c.anpr} of them ANPR; ${c.indoor} indoor (kept out of street coverage and the population's sensors)${
      c.outside > 0 ? `; ${c.outside} outside the area` : ''
    }${c.notCameras > 0 ? `; ${c.notCameras} surveillance point(s) that are not cameras left out` : ''}${defaults.length > 0 ? `; defaults: ${defaults.join(', ')}` : ''}`,
  );
  lines.push(
    `  power lines: ${r.lines.ways} mapped way(s); ${r.lines.branches} grid branch(es) where they join two mapped substations (${r.lines.waysUsed} way(s) used)${
      r.smallGenerators > 0 ? `; ${r.smallGenerators} rooftop or sub-megawatt generator(s) counted, not imported` : ''
    }`,
  );
  lines.push(
    r.synthesised
      ? `  synthesised — not from OpenStreetMap: ${town.assets.filter((a) => a.synthetic).length} asset(s), each marked "synthetic": true in the run report's final.assets`
      : '  nothing synthesised (city.infrastructure is false): only what OpenStreetMap maps, with no dependencies between them',
  );
  return lines;
}
