/**
 * Broken input never throws: seeded random damage to each kind of file a user can hand the twin —
 * a scenario (its JSON text, and its structure), an OpenStreetMap extract, a MATPOWER case, an
 * EPANET network, a camera register (CSV and GeoJSON), a saved session, and commands that pass the
 * schema but name things that do not exist (a session file or the console can carry them), and an
 * OpenStreetMap town imported whole (its camera, power, water and comms tags) — must
 * come back as a result or as issues that each name a path and say what is wrong, never as an
 * exception (which the page would show as a stack trace). Besides random edits, OSM extracts get
 * references to no character and unclosed elements, and EPANET networks are swapped for text that
 * is no network at all; an EPANET file the loader accepts is then run, since what validation
 * passes must not fail the run.
 * The damage is reproducible: every case is drawn from a fixed seed, and a failure names its seed.
 * For a deeper search than the test suite's, multiply the cases: FUZZ_SCALE=20 npx vitest run test/fuzz
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOsmCity, loadScenarioText, parseOsm, parseSession } from '../../src/scenario';
import { parseCameraRegister } from '../../src/scenario/import/camera-register';
import { readInp } from '../../src/scenario/import/epanet-inp';
import { parseMatpower } from '../../src/scenario/import/matpower';
import { parseSumoDemand, parseSumoNet } from '../../src/scenario/import/sumo';
import { parseDirection, parseOutputMW, parseVoltageKv } from '../../src/scenario/city/osm-assets';
import { importOsm } from '../../src/scenario/osm-import';
import { commandSchema } from '../../src/scenario/schema';
import { createSimulation, HOUR, loadWaterEngine, MINUTE, type Command } from '../../src/sim';
import { Rng } from '../../src/sim/core';
import { sharedText } from '../support/shared-data';

const SCALE = Math.max(1, Math.floor(Number(process.env.FUZZ_SCALE ?? 1)));

type Issue = { readonly path: string; readonly message: string };

/** Characters that break the formats in interesting ways: delimiters, quotes, signs, digits, newlines. */
const JUNK = '<>/="\'{}[],:;.-+eE0123456789 \n\tabcxyz%&#';

/** One to three edits: delete, duplicate or move a span, insert junk, or cut the text short. */
function damage(text: string, rng: Rng): string {
  let t = text;
  const ops = rng.int(1, 3);
  for (let k = 0; k < ops && t.length > 0; k++) {
    const at = rng.int(0, t.length - 1);
    const len = rng.int(1, Math.min(60, t.length - at));
    switch (rng.int(0, 4)) {
      case 0:
        t = t.slice(0, at) + t.slice(at + len);
        break;
      case 1:
        t = t.slice(0, at + len) + t.slice(at, at + len) + t.slice(at + len);
        break;
      case 2: {
        const junk = Array.from({ length: rng.int(1, 8) }, () => JUNK[rng.int(0, JUNK.length - 1)]).join('');
        t = t.slice(0, at) + junk + t.slice(at);
        break;
      }
      case 3: {
        const span = t.slice(at, at + len);
        const rest = t.slice(0, at) + t.slice(at + len);
        const to = rng.int(0, rest.length);
        t = rest.slice(0, to) + span + rest.slice(to);
        break;
      }
      default:
        t = t.slice(0, at);
    }
  }
  return t;
}

/** A wrong value somewhere in a JSON document: a key removed, or a value of the wrong type or range. */
function damageJson(doc: unknown, rng: Rng): unknown {
  const copy = JSON.parse(JSON.stringify(doc)) as unknown;
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach((x, i) => (slots.push({ parent: v, key: i }), walk(x)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (slots.push({ parent: v as Record<string, unknown>, key: k }), walk(x));
  };
  walk(copy);
  const { parent, key } = slots[rng.int(0, slots.length - 1)]!;
  const replacements = [null, -1, 0, 1e12, Number.NaN, '', 'nonsense', true, [], {}, [1, 'two'], { x: 1 }];
  if (!Array.isArray(parent) && rng.chance(0.3)) delete parent[key as string];
  else (parent as Record<string | number, unknown>)[key] = replacements[rng.int(0, replacements.length - 1)];
  return copy;
}

function expectIssues(issues: readonly Issue[]) {
  for (const i of issues) {
    expect(typeof i.path).toBe('string');
    expect(i.message.length).toBeGreaterThan(0);
  }
}

/**
 * Runs `check` on `n` damaged copies; a throw fails the test naming the case that caused it.
 * `check` says whether the input was accepted; both outcomes must occur, or the damage is too
 * mild or too harsh to test anything.
 */
function fuzz(cases: number, seed: number, make: (rng: Rng) => string, check: (text: string) => boolean) {
  const n = cases * SCALE;
  const rng = new Rng(seed);
  let accepted = 0;
  for (let c = 0; c < n; c++) {
    const text = make(rng);
    try {
      if (check(text)) accepted++;
    } catch (e) {
      throw new Error(`case ${c} of seed ${seed} threw: ${(e as Error).message}\n--- input (first 400 chars) ---\n${text.slice(0, 400)}`);
    }
  }
  console.log(`fuzz seed ${seed}: ${accepted} of ${n} damaged inputs accepted, ${n - accepted} refused with issues`);
  expect(accepted).toBeGreaterThan(0);
  expect(accepted).toBeLessThan(n);
}

/**
 * Damage an OSM extract can carry that random edits rarely make: a character reference that names
 * no character, or elements whose closing tags are gone (which once cost quadratic time).
 */
const BAD_REFS = ['&#x110000;', '&#0;', '&#xD800;', '&#xFFFE;', '&#99999999999999999999;', '&#X41;', '&#x;', '&#12'];
function damageOsm(text: string, rng: Rng): string {
  switch (rng.int(0, 3)) {
    case 0: {
      // A reference inside a quoted value, where the reader decodes them.
      const quotes = [...text.matchAll(/v="/g)].map((m) => m.index + 3);
      const at = quotes[rng.int(0, quotes.length - 1)]!;
      return text.slice(0, at) + BAD_REFS[rng.int(0, BAD_REFS.length - 1)] + text.slice(at);
    }
    case 1:
      // Some closing tags removed, or all of one kind.
      return rng.chance(0.5)
        ? text.replace(/<\/(node|way|relation)>/g, (m) => (rng.chance(0.5) ? '' : m))
        : text.replaceAll(['</node>', '</way>', '</relation>'][rng.int(0, 2)]!, '');
    default:
      return damage(text, rng);
  }
}

/** Text that is not an EPANET network at all, in place of one, or a network cut down to too little. */
function notEpanet(inp: string, rng: Rng): string {
  const lines = inp.split('\n');
  switch (rng.int(0, 5)) {
    case 0:
      return 'hello world\n';
    case 1:
      return 'id,latitude,longitude\ncam-1,53.45,-2.20\n';
    case 2:
      return lines.filter((l) => !/^\s*\[(JUNCTIONS|RESERVOIRS|TANKS)\]/i.test(l)).join('\n');
    case 3:
      // One section only: nodes with no links, or a reservoir alone.
      return rng.chance(0.5) ? '[JUNCTIONS]\n 10 710 0\n[RESERVOIRS]\n 9 800\n[END]\n' : '[RESERVOIRS]\n 9 800\n[END]\n';
    default:
      return damage(inp, rng);
  }
}

const DEFAULT = readFileSync(new URL('../../scenarios/default.json', import.meta.url), 'utf8');
const EASTBRIDGE = readFileSync(new URL('../fixtures/eastbridge.osm', import.meta.url), 'utf8');

const OSM = `<?xml version="1.0"?><osm version="0.6">
<bounds minlat="53.4490" minlon="-2.2020" maxlat="53.4510" maxlon="-2.1980"/>
<node id="1" lat="53.45" lon="-2.2015"/><node id="2" lat="53.45" lon="-2.2"><tag k="highway" v="traffic_signals"/></node><node id="3" lat="53.45" lon="-2.1985"/>
<node id="4" lat="53.4509" lon="-2.2"/><node id="5" lat="53.4491" lon="-2.2"/>
<node id="10" lat="53.4503" lon="-2.2012"/><node id="11" lat="53.4503" lon="-2.2010"/><node id="12" lat="53.4504" lon="-2.2010"/><node id="13" lat="53.4504" lon="-2.2012"/>
<node id="20" lat="53.4495" lon="-2.1995"><tag k="amenity" v="hospital"/><tag k="name" v="St &amp; Mary"/></node>
<way id="100"><nd ref="1"/><nd ref="2"/><nd ref="3"/><tag k="highway" v="primary"/><tag k="lanes" v="4"/><tag k="name" v="Stockport Road"/></way>
<way id="101"><nd ref="4"/><nd ref="2"/><nd ref="5"/><tag k="highway" v="residential"/><tag k="oneway" v="-1"/><tag k="maxspeed" v="20 mph"/></way>
<way id="102"><nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="10"/><tag k="building" v="house"/><tag k="building:levels" v="3"/></way>
<way id="103"><nd ref="10"/><nd ref="11"/></way><way id="104"><nd ref="11"/><nd ref="12"/><nd ref="13"/><nd ref="10"/></way>
<relation id="900"><member type="way" ref="103" role="outer"/><member type="way" ref="104" role="outer"/><tag k="type" v="multipolygon"/><tag k="amenity" v="school"/></relation>
</osm>`;

describe('damaged input never throws', () => {
  it('scenario text: a result or issues with a path', () => {
    fuzz(
      40,
      11,
      (rng) => damage(DEFAULT, rng),
      (text) => {
        const r = loadScenarioText(text);
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          expectIssues(r.issues);
        }
        return r.ok;
      },
    );
  });

  it('scenario structure: a missing key or a wrong value is named by its path', () => {
    const doc = JSON.parse(DEFAULT) as unknown;
    fuzz(
      60,
      12,
      (rng) => JSON.stringify(damageJson(doc, rng)),
      (text) => {
        const r = loadScenarioText(text);
        if (!r.ok) expectIssues(r.issues);
        return r.ok;
      },
    );
  });

  it('OpenStreetMap extracts: parsed and built into a city, or issues', () => {
    fuzz(
      300,
      13,
      (rng) => damageOsm(OSM, rng),
      (text) => {
        const p = parseOsm(text, 'city.osm');
        if (!p.ok) {
          expectIssues(p.issues);
          return false;
        }
        buildOsmCity(p.data, 'Fuzz');
        const r = loadScenarioText(JSON.stringify({ version: 1, city: { osm: 'city.osm' } }), { readFile: () => text });
        if (!r.ok) expectIssues(r.issues);
        return r.ok;
      },
    );
  });

  it('a town from OpenStreetMap: its cameras, power, water and comms tags, imported as a scenario that runs, or issues', async () => {
    await loadWaterEngine();
    // Eastbridge maps cameras in many tag formats, substations joined by lines, a water tower,
    // cabinets and an exchange: damage lands in those tags as often as in streets and buildings.
    fuzz(
      40,
      17,
      (rng) => damageOsm(EASTBRIDGE, rng),
      (text) => {
        const r = importOsm(text, { fileName: 'town.osm', osmPath: 'town.osm', name: 'Fuzz' });
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          expectIssues(r.issues);
          return false;
        }
        const sim = createSimulation(r.loaded.input);
        sim.runUntil(2 * MINUTE);
        return true;
      },
    );
  });

  it('SUMO networks and trips: parsed and run as a scenario, or issues naming file and line', () => {
    const net = readFileSync(new URL('../fixtures/sumo/spider.net.xml', import.meta.url), 'utf8');
    const tripsAll = readFileSync(new URL('../fixtures/sumo/spider.trips.xml', import.meta.url), 'utf8');
    // The first 40 trips: damage lands in them, not in a tail nobody reads.
    const cut = tripsAll.split('\n');
    const trips = [...cut.slice(0, 14 + 40), '</routes>', ''].join('\n');
    const scenario = JSON.stringify({ version: 1, traffic: { sumo: { net: 'n.net.xml', routes: 't.trips.xml' } } });
    const run = (n: string, t: string) => {
      const r = loadScenarioText(scenario, { readFile: (p) => (p === 'n.net.xml' ? n : t) });
      if (!r.ok) {
        expectIssues(r.issues);
        for (const i of r.issues) expect(i.path).toMatch(/^(traffic|n\.net\.xml|t\.trips\.xml)/);
        return false;
      }
      createSimulation(r.input).runUntil(2 * MINUTE);
      return true;
    };
    fuzz(
      40,
      19,
      (rng) => damage(net, rng),
      (text) => {
        const p = parseSumoNet(text, 'n.net.xml');
        if (!p.ok) {
          expectIssues(p.issues);
          return false;
        }
        return run(text, trips);
      },
    );
    fuzz(
      80,
      20,
      (rng) => damage(trips, rng),
      (text) => {
        const p = parseSumoDemand(text, 't.trips.xml');
        if (!p.ok) {
          expectIssues(p.issues);
          return false;
        }
        return run(net, text);
      },
    );
  });

  it('camera directions, voltages and outputs as mappers write them: a value or null', () => {
    const rng = new Rng(18);
    const seeds = ['90', 'NNE', 'south-east', '200-260', '45°', '275000;132000', '5 MW', '500 kW', 'north west', '330-30'];
    for (let c = 0; c < 400 * SCALE; c++) {
      const v = damage(seeds[rng.int(0, seeds.length - 1)]!, rng);
      const d = parseDirection(v);
      if (d) {
        expect(d.bearing).toBeGreaterThanOrEqual(0);
        expect(d.bearing).toBeLessThan(360);
        if (d.spanDeg !== null) expect(d.spanDeg).toBeGreaterThan(0);
      }
      const kv = parseVoltageKv(v);
      if (kv !== null) expect(Number.isFinite(kv) && kv > 0).toBe(true);
      const mw = parseOutputMW(v);
      if (mw !== null) expect(Number.isFinite(mw) && mw >= 0).toBe(true);
    }
  });

  it('MATPOWER cases, EPANET networks and camera registers', () => {
    const matpower =
      sharedText('power/case30.m') ??
      'mpc.baseMVA = 100;\nmpc.bus = [1 3 0 0 0 0 1 1 0 135 1 1.05 0.95;\n2 1 20 10 0 0 1 1 0 135 1 1.05 0.95];\nmpc.gen = [1 50 0 100 -100 1 100 1 200 0];\nmpc.branch = [1 2 0.01 0.1 0 100 100 100 0 0 1 -360 360];\n';
    fuzz(
      150,
      14,
      (rng) => damage(matpower, rng),
      (text) => {
        const r = parseMatpower(text, { fileName: 'case.m' });
        if (!r.ok) expectIssues(r.issues);
        return r.ok;
      },
    );
    const inp = sharedText('water/net1/Net1.inp') ?? '[JUNCTIONS]\n 10 710 0\n[RESERVOIRS]\n 9 800\n[PIPES]\n 1 9 10 1000 12 100\n[END]\n';
    fuzz(
      150,
      15,
      (rng) => damage(inp, rng),
      (text) => {
        const r = readInp(text, 'net.inp', 'water.inp');
        if (!r.ok) expectIssues(r.issues);
        return r.ok;
      },
    );
    // What validate accepts, run must run: text that is no network, or that EPANET opens but cannot
    // start, is refused at load (it used to pass and end the run with "internal error: EPANET Error 223").
    fuzz(
      80,
      20,
      (rng) => notEpanet(inp, rng),
      (text) => {
        const r = loadScenarioText(JSON.stringify({ version: 1, duration: '1h', water: { inp: 'net.inp' } }), { readFile: () => text });
        if (!r.ok) {
          expectIssues(r.issues);
          return false;
        }
        createSimulation(r.input).runUntil(HOUR);
        return true;
      },
    );
    const csv = (sharedText('cctv/trafford_cctv_cameras.csv') ?? 'id,latitude,longitude\ncam-1,53.45,-2.20\ncam-2,53.46,-2.21\n')
      .split('\n')
      .slice(0, 30)
      .join('\n');
    fuzz(
      150,
      16,
      (rng) => damage(csv, rng),
      (text) => {
        const r = parseCameraRegister(text, 'cameras.csv', 'cctv.register');
        expectIssues(r.issues);
        return r.issues.length === 0;
      },
    );
  });

  it('camera registers as GeoJSON, and saved sessions with their command logs', () => {
    const full = sharedText('cctv/trafford_cctv_cameras.geojson');
    const geo = full
      ? JSON.stringify({ ...JSON.parse(full), features: (JSON.parse(full) as { features: unknown[] }).features.slice(0, 12) })
      : JSON.stringify({
          type: 'FeatureCollection',
          features: [{ type: 'Feature', properties: { camera_id: 1 }, geometry: { type: 'Point', coordinates: [-2.28, 53.46] } }],
        });
    fuzz(
      150,
      17,
      (rng) => (rng.chance(0.5) ? damage(geo, rng) : JSON.stringify(damageJson(JSON.parse(geo), rng))),
      (text) => {
        const r = parseCameraRegister(text, 'cameras.geojson', 'cctv.register');
        expectIssues(r.issues);
        return r.issues.length === 0;
      },
    );
    const session = {
      version: 1,
      kind: 'citytwin-session',
      title: 'Fuzz',
      scenario: { name: 'default' },
      seed: 42,
      untilMs: 3_600_000,
      commands: [
        { tMs: 60_000, command: { type: 'inject.fire', inject: 'vendor-compromise' } },
        { tMs: 120_000, command: { type: 'comms.isolate', zone: 'cctv', isolated: true } },
        { tMs: 180_000, command: { type: 'traffic.signal.plan', signals: ['signal-20-12'], plan: 'all-red' } },
        { tMs: 240_000, command: { type: 'note.add', text: 'checked', kind: 'note' } },
      ],
    };
    fuzz(
      200,
      18,
      (rng) => (rng.chance(0.5) ? damage(JSON.stringify(session), rng) : JSON.stringify(damageJson(session, rng))),
      (text) => {
        const r = parseSession(text);
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          expectIssues(r.issues);
        }
        return r.ok;
      },
    );
  });

  it('commands that pass the schema but name what does not exist run without throwing', async () => {
    await loadWaterEngine();
    // Every command the shipped scenarios use, as seeds for damage.
    const seeds: unknown[] = [];
    const collect = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        if (typeof (v as { type?: unknown }).type === 'string' && commandSchema.safeParse(v).success) seeds.push(v);
        Object.values(v).forEach(collect);
      }
    };
    const dir = new URL('../../scenarios/', import.meta.url);
    for (const f of readdirSync(dir)) if (f.endsWith('.json') && f !== 'scenario.schema.json') collect(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
    expect(new Set(seeds.map((c) => (c as { type: string }).type)).size).toBeGreaterThan(15);
    const doc = JSON.parse(DEFAULT) as Record<string, unknown>;
    delete doc.decisions;
    doc.injects = [];
    const r = loadScenarioText(JSON.stringify(doc));
    if (!r.ok) throw new Error('the default scenario does not load');
    const sim = createSimulation(r.input);
    fuzz(
      300,
      19,
      (rng) => JSON.stringify(rng.chance(0.2) ? seeds[rng.int(0, seeds.length - 1)] : damageJson(seeds[rng.int(0, seeds.length - 1)], rng)),
      (text) => {
        const p = commandSchema.safeParse(JSON.parse(text));
        if (!p.success) return false;
        sim.apply(p.data as Command);
        sim.runUntil(sim.nowMs + MINUTE);
        return true;
      },
    );
  });
});
