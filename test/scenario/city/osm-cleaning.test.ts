/**
 * What real OpenStreetMap extracts hold, handled: duplicate nodes (two ids at one spot), signal
 * nodes that are stop lines, forks or crossings rather than junctions, and civic places that the
 * traffic demand (school trips) and emergency dispatch need.
 */
import { describe, expect, it } from 'vitest';
import { buildOsmCity, loadScenarioText, parseOsm } from '../../../src/scenario';
import { createSimulation, MINUTE, traffic } from '../../../src/sim';
import { itWithSharedData } from '../../support/shared-data';

const node = (id: number, lat: number, lon: number, tags = '') =>
  tags ? `<node id="${id}" lat="${lat}" lon="${lon}">${tags}</node>` : `<node id="${id}" lat="${lat}" lon="${lon}"/>`;
const tag = (k: string, v: string) => `<tag k="${k}" v="${v}"/>`;
const way = (id: number, refs: number[], tags: string) => `<way id="${id}">${refs.map((r) => `<nd ref="${r}"/>`).join('')}${tags}</way>`;
const osm = (body: string) =>
  `<?xml version="1.0"?><osm version="0.6"><bounds minlat="53.4490" minlon="-2.2020" maxlat="53.4510" maxlon="-2.1980"/>${body}</osm>`;

function build(text: string) {
  const p = parseOsm(text, 'city.osm');
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  return buildOsmCity(p.data, 'T');
}

/** Road links into and out of the network node nearest (x, z). */
function arms(roads: ReturnType<typeof build>['roads'], x: number, z: number): { in: number; out: number } {
  const net = traffic.buildNetwork(roads.map((r) => ({ ...r, name: r.id })));
  let n = 0;
  for (let k = 1; k < net.nodeCount; k++) if (Math.hypot(net.nodeX[k]! - x, net.nodeZ[k]! - z) < Math.hypot(net.nodeX[n]! - x, net.nodeZ[n]! - z)) n = k;
  let out = 0;
  for (let l = 0; l < net.linkCount; l++) if (net.linkFrom[l] === n) out++;
  return { in: net.inStart[n + 1]! - net.inStart[n]!, out };
}

/** A crossroads at node 2 (east–west way 100, north–south way 101), ~100 m arms. */
const CROSS = `${node(1, 53.45, -2.2015)}${node(2, 53.45, -2.2)}${node(3, 53.45, -2.1985)}${node(4, 53.4509, -2.2)}${node(5, 53.4491, -2.2)}`;

describe('OpenStreetMap cleaning', () => {
  it('joins a crossroads drawn with two node ids at one spot into one 4-arm junction', () => {
    // Way 101 crosses way 100 at node 7, which sits exactly on node 2 but is not node 2.
    const text = osm(
      `${CROSS}${node(7, 53.45, -2.2)}${way(100, [1, 2, 3], tag('highway', 'residential'))}${way(101, [4, 7, 5], tag('highway', 'residential'))}`,
    );
    const c = build(text);
    expect(c.stats.duplicateNodes).toBe(1);
    expect(c.roads.length).toBe(4);
    const centre = c.roads.find((r) => r.id === 'osm-100-0')!.b;
    expect(arms(c.roads, centre[0], centre[1])).toEqual({ in: 4, out: 4 });
  });

  it('snaps nodes within half a metre (the lowest id wins), but not a metre apart', () => {
    // Node 8 is ~0.3 m east of node 2; node 9 ~1.3 m east of it.
    const near = build(
      osm(`${CROSS}${node(8, 53.45, -2.199996)}${way(100, [1, 2, 3], tag('highway', 'residential'))}${way(101, [4, 8, 5], tag('highway', 'residential'))}`),
    );
    expect(near.stats.duplicateNodes).toBe(1);
    expect(near.roads.length).toBe(4);
    expect(near.roads.filter((r) => r.id.startsWith('osm-101')).every((r) => r.a[0] === near.roads[0]!.b[0] || r.b[0] === near.roads[0]!.b[0])).toBe(true);
    const apart = build(
      osm(`${CROSS}${node(9, 53.45, -2.19998)}${way(100, [1, 2, 3], tag('highway', 'residential'))}${way(101, [4, 9, 5], tag('highway', 'residential'))}`),
    );
    expect(apart.stats.duplicateNodes).toBe(0);
    expect(apart.roads.length).toBe(1);
  });

  it('gives a junction one signal for all its stop lines, and says why other signal nodes are not signals', () => {
    const sig = tag('highway', 'traffic_signals');
    const text = osm(
      CROSS +
        // Two stop lines ~10 m before the crossroads, a signalled crossing mid-way, one outside the area.
        node(20, 53.45, -2.20015, sig) +
        node(21, 53.45009, -2.2, sig) +
        node(22, 53.45, -2.2012, sig) +
        node(23, 53.46, -2.2, sig) +
        way(100, [1, 20, 2, 3], tag('highway', 'residential')) +
        way(101, [4, 21, 2, 5], tag('highway', 'residential')),
    );
    const c = build(text);
    expect(c.signals.map((s) => s.id)).toEqual(['signal-osm-20']);
    expect(Object.fromEntries(c.signalNodes.map((n) => [n.node, n.fate]))).toEqual({ 20: 'signalised', 21: 'same-junction', 22: 'mid-way', 23: 'outside' });
  });

  it('reports a signal at a fork — a junction with only 2 approaches — instead of counting it', () => {
    // 1–2 two-way, 2→3 one-way, 3–4 and 4–2 two-way: node 2 meets three roads but only 1 and 4 lead into it.
    const text = osm(
      node(1, 53.45, -2.2015) +
        node(2, 53.45, -2.2, tag('highway', 'traffic_signals')) +
        node(3, 53.4508, -2.199) +
        node(4, 53.45, -2.1985) +
        way(100, [1, 2], tag('highway', 'residential')) +
        way(101, [2, 3], tag('highway', 'residential') + tag('oneway', 'yes')) +
        way(102, [3, 4], tag('highway', 'residential')) +
        way(103, [4, 2], tag('highway', 'residential')),
    );
    const c = build(text);
    expect(c.roads.length).toBe(4);
    expect(c.signals).toEqual([]);
    expect(c.signalNodes).toEqual([{ node: '2', fate: 'fork', junction: '2' }]);
  });

  it('makes hospitals, police and fire stations and schools assets that dispatch and school trips use', () => {
    const grounds = [30, 31, 32, 33];
    const text = osm(
      CROSS +
        node(10, 53.4503, -2.2012, tag('amenity', 'hospital') + tag('name', "St Mary's")) +
        node(11, 53.4497, -2.199, tag('amenity', 'police')) +
        node(12, 53.4497, -2.201, tag('amenity', 'fire_station')) +
        node(13, 53.452, -2.2, tag('amenity', 'hospital')) + // outside the area
        node(30, 53.4503, -2.1995) +
        node(31, 53.4503, -2.1988) +
        node(32, 53.4506, -2.1988) +
        node(33, 53.4506, -2.1995) +
        node(34, 53.45045, -2.1992, tag('amenity', 'school')) + // the same school as its grounds
        way(100, [1, 2, 3], tag('highway', 'residential')) +
        way(101, [4, 2, 5], tag('highway', 'residential')) +
        way(200, [...grounds, 30], tag('amenity', 'school') + tag('name', 'Elm Road Primary')),
    );
    const c = build(text);
    expect(c.places.map((p) => [p.id, p.kind, p.name])).toEqual([
      ['hospital-osm-n10', 'hospital', "St Mary's"],
      ['police-hq-osm-n11', 'police-hq', 'Police station'],
      ['fire-station-osm-n12', 'fire-station', 'Fire station'],
      ['school-osm-w200', 'school', 'Elm Road Primary'],
    ]);
    const r = loadScenarioText(JSON.stringify({ version: 1, seed: 3, city: { osm: 'c.osm' }, traffic: { demand: { city: { peakTripsPerHour: 300 } } } }), {
      readFile: () => text,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const t = r.input.traffic!;
    expect(t.ambulanceStations).toEqual(['hospital-osm-n10']);
    expect(t.policeStations).toEqual(['police-hq-osm-n11']);
    expect(t.city!.schools.links.length).toBe(1);
    const sim = createSimulation(r.input);
    sim.apply({ type: 'traffic.emergency.dispatch', from: 'hospital-osm-n10', to: 'school-osm-w200', unit: 'amb-1' });
    sim.runUntil(10 * MINUTE);
    expect(sim.events.some((e) => e.type === 'traffic.emergency.arrived' && e.data.unit === 'amb-1')).toBe(true);
  });

  it('reads buildings and amenities mapped as multipolygon relations: outer rings joined from their member ways', () => {
    const rel = (id: number, members: [number, string][], tags: string) =>
      `<relation id="${id}">${members.map(([r, role]) => `<member type="way" ref="${r}" role="${role}"/>`).join('')}${tags}</relation>`;
    const text = osm(
      CROSS +
        // A 40 m × 33 m block drawn as two open halves (ways 300, 301) with a courtyard (302).
        node(40, 53.4503, -2.2012) +
        node(41, 53.4503, -2.2006) +
        node(42, 53.4506, -2.2006) +
        node(43, 53.4506, -2.2012) +
        node(44, 53.45041, -2.201) +
        node(45, 53.45041, -2.2008) +
        node(46, 53.45049, -2.2008) +
        node(47, 53.45049, -2.201) +
        way(300, [40, 41, 42], '') +
        way(301, [40, 43, 42], '') +
        way(302, [44, 45, 46, 47, 44], '') +
        rel(
          900,
          [
            [300, 'outer'],
            [301, 'outer'],
            [302, 'inner'],
          ],
          tag('type', 'multipolygon') + tag('building', 'school') + tag('building:levels', '2'),
        ) +
        // Hospital grounds as a relation with one closed outer way.
        node(50, 53.4495, -2.1995) +
        node(51, 53.4495, -2.1988) +
        node(52, 53.4498, -2.1988) +
        node(53, 53.4498, -2.1995) +
        way(310, [50, 51, 52, 53, 50], '') +
        rel(901, [[310, 'outer']], tag('type', 'multipolygon') + tag('amenity', 'hospital') + tag('name', 'Grove Infirmary')) +
        // A ring that cannot close (a member missing from the extract) is dropped.
        node(60, 53.4492, -2.2015) +
        node(61, 53.4492, -2.201) +
        way(320, [60, 61], '') +
        rel(
          902,
          [
            [320, 'outer'],
            [999, 'outer'],
          ],
          tag('type', 'multipolygon') + tag('building', 'yes'),
        ) +
        // Old-style tagging: the outer way is itself the building; counted once.
        node(70, 53.4507, -2.1992) +
        node(71, 53.4507, -2.1989) +
        node(72, 53.4509, -2.1989) +
        node(73, 53.4509, -2.1992) +
        way(330, [70, 71, 72, 73, 70], tag('building', 'house')) +
        rel(903, [[330, 'outer']], tag('type', 'multipolygon') + tag('building', 'house')) +
        way(100, [1, 2, 3], tag('highway', 'residential')) +
        way(101, [4, 2, 5], tag('highway', 'residential')),
    );
    const c = build(text);
    const b = c.city.buildings;
    // The house (way 330) once, the school block from relation 900 with its whole outer ring.
    expect(b.count).toBe(2);
    const school = [...Array(b.count).keys()].find((i) => b.h[i] === 6)!;
    expect(school).toBeDefined();
    expect(b.use[school]).toBe(3);
    // Its area is the outer ring's (about 40 m × 33 m; the courtyard is not cut out).
    expect(b.w[school]! * b.d[school]!).toBeGreaterThan(1000);
    expect(b.outline!.start[school + 1]! - b.outline!.start[school]!).toBe(4);
    expect(c.places.map((p) => [p.id, p.kind, p.name])).toEqual([['hospital-osm-r901', 'hospital', 'Grove Infirmary']]);
  });

  it('reads each multipolygon as one place, past id-only relations, and keeps an amenity whose outer way is only tagged as a building', () => {
    const rel = (id: number, members: [number, string][], tags: string) =>
      `<relation id="${id}">${members.map(([r, role]) => `<member type="way" ref="${r}" role="outer"/>`).join('')}${tags}</relation>`;
    const square = (id0: number, lat: number, lon: number) =>
      node(id0, lat, lon) + node(id0 + 1, lat, lon + 0.0004) + node(id0 + 2, lat + 0.0002, lon + 0.0004) + node(id0 + 3, lat + 0.0002, lon);
    const text = osm(
      CROSS +
        // A hospital on two sites (two outer rings, the second larger): one hospital, two buildings.
        square(40, 53.4503, -2.2014) +
        square(44, 53.4494, -2.1996) +
        node(48, 53.4496, -2.199) +
        way(300, [40, 41, 42, 43, 40], '') +
        way(301, [44, 45, 48, 46, 47, 44], '') +
        // An id-only relation (as some exports write them) before the real one.
        '<relation id="7" version="1"/>' +
        rel(
          900,
          [
            [300, ''],
            [301, ''],
          ],
          tag('type', 'multipolygon') + tag('building', 'hospital') + tag('amenity', 'hospital') + tag('name', 'Two Sites'),
        ) +
        // A school whose outer way is already a building: the building once, and the school as a place.
        square(60, 53.4507, -2.1992) +
        way(310, [60, 61, 62, 63, 60], tag('building', 'yes')) +
        rel(901, [[310, 'outer']], tag('type', 'multipolygon') + tag('building', 'school') + tag('amenity', 'school') + tag('name', 'Old Board School')) +
        way(100, [1, 2, 3], tag('highway', 'residential') + tag('name', '   ') + tag('ref', 'B5117')) +
        way(101, [4, 2, 5], tag('highway', 'residential')),
    );
    const c = build(text);
    expect(c.city.buildings.count).toBe(3);
    expect(c.places.map((p) => [p.id, p.kind, p.name])).toEqual([
      ['hospital-osm-r900.2', 'hospital', 'Two Sites'],
      ['school-osm-r901', 'school', 'Old Board School'],
    ]);
    // A blank name gives way to the ref.
    const way100 = c.roads.filter((r) => r.id.startsWith('osm-100-'));
    expect(way100.length).toBeGreaterThan(0);
    expect(way100.every((r) => r.street === 'B5117')).toBe(true);
  });

  itWithSharedData('imports Levenshulme with as many signals as the run controls, its hospitals and schools', 'osm/levenshulme.osm', (text) => {
    const c = build(text);
    const r = loadScenarioText(JSON.stringify({ version: 1, city: { osm: 'lev.osm' } }), { readFile: () => text });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.input.traffic!.signals.length).toBe(c.signals.length);
    expect(c.signalNodes.filter((n) => n.fate === 'signalised').length).toBe(c.signals.length);
    expect(c.places.filter((p) => p.kind === 'hospital').length).toBe(2);
    expect(c.places.filter((p) => p.kind === 'school').length).toBe(6);
    expect(r.input.traffic!.ambulanceStations).toHaveLength(2);
    expect(r.input.traffic!.city!.schools.links.length).toBeGreaterThan(0);
  });
});
