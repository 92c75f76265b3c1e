import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario';
import { parseSumoDemand, parseSumoNet } from '../../../src/scenario/import/sumo';
import { traffic } from '../../../src/sim';

const fixture = (f: string) => readFileSync(new URL(`../../fixtures/sumo/${f}`, import.meta.url), 'utf8');

/** A T junction: a two-lane road west–east through J1, a one-lane road north from J1 to J3; a light at J1. */
const NET = `<?xml version="1.0"?>
<net version="1.9">
  <edge id="a" from="J0" to="J1" priority="2">
    <lane id="a_0" index="0" speed="13.89" length="100.00"/>
    <lane id="a_1" index="1" speed="13.89" length="100.00"/>
  </edge>
  <edge id="b" from="J1" to="J2" priority="2">
    <lane id="b_0" index="0" speed="13.89" length="100.00"/>
  </edge>
  <edge id="c" from="J1" to="J3" priority="1">
    <lane id="c_0" index="0" speed="8.00" length="80.00"/>
  </edge>
  <tlLogic id="J1" type="static" programID="0" offset="0">
    <phase duration="30" state="Gg"/>
    <phase duration="4" state="yy"/>
    <phase duration="20" state="rr"/>
  </tlLogic>
  <junction id="J0" type="dead_end" x="0.00" y="0.00"/>
  <junction id="J1" type="traffic_light" x="100.00" y="0.00"/>
  <junction id="J2" type="dead_end" x="200.00" y="0.00"/>
  <junction id="J3" type="dead_end" x="100.00" y="80.00"/>
  <connection from="a" to="b" fromLane="0" toLane="0" tl="J1" linkIndex="0" dir="s"/>
  <connection from="a" to="c" fromLane="1" toLane="0" tl="J1" linkIndex="1" dir="l"/>
</net>`;

describe('SUMO network reader', () => {
  it('reads the committed networks: edges, lanes, junctions, connections and programs', () => {
    const p = parseSumoNet(fixture('grid.net.xml'), 'grid.net.xml');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.data.leftHand).toBe(false);
    expect(p.data.edges).toHaveLength(360);
    expect(p.data.edges.every((e) => e.lanes.length === 2 && e.lanes[0]!.length === 200)).toBe(true);
    expect(p.data.junctions).toHaveLength(100);
    expect(p.data.tlLogics).toHaveLength(96);
    expect(p.data.tlLogics[0]!.phases.map((ph) => ph.durationS)).toEqual([42, 3, 42, 3]);
  });

  it('names the file, line and element of a problem, and how to fix it', () => {
    const p = parseSumoNet(NET.replace('speed="8.00" ', 'speed="fast" '), 'town.net.xml');
    expect(p.ok).toBe(false);
    if (!p.ok)
      expect(p.issues[0]).toMatchObject({
        path: 'town.net.xml:11',
        message: expect.stringContaining('<lane> has speed="fast"'),
        hint: expect.stringContaining('number'),
      });
    const q = parseSumoNet(NET.replace('linkIndex="1"', 'linkIndex="5"'), 'town.net.xml');
    expect(q.ok).toBe(false);
    if (!q.ok)
      expect(q.issues).toEqual([expect.objectContaining({ path: 'town.net.xml:23', message: expect.stringContaining('linkIndex=5, past the 2 states') })]);
    expect(parseSumoNet('<osm/>', 'x.osm').ok).toBe(false);
  });

  it('builds a keep-right network whose left turn crosses the oncoming stream, run by its own program', () => {
    const r = loadScenarioText(JSON.stringify({ version: 1, traffic: { sumo: { net: 't.net.xml' } } }), { readFile: () => NET });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const t = r.input.traffic!;
    const net = t.network;
    expect(net.keepRight).toBe(true);
    const a = t.linkIds.indexOf('a');
    const c = t.linkIds.indexOf('c');
    const k = traffic.turnOf(net, a, c);
    const mv = traffic.buildMovements(net);
    // Heading north from an eastbound road is a left turn on the ground: on a keep-right network
    // that is the turn across oncoming traffic, which the model calls TURN_RIGHT.
    expect(mv.kind[k]).toBe(traffic.TURN_RIGHT);
    // SUMO's connection says only lane 1 takes it.
    expect([mv.laneLo[k], mv.laneHi[k]]).toEqual([1, 1]);
    const sig = new traffic.SignalBank(net, t.signals, mv);
    expect(sig.turnAspect(k, a)).toBe(traffic.GREEN_YIELD);
    sig.advance(30_000);
    expect(sig.turnAspect(k, a)).toBe(traffic.AMBER);
    sig.advance(34_000);
    expect(sig.turnAspect(k, a)).toBe(traffic.RED);
    sig.advance(54_000);
    expect(sig.turnAspect(k, a)).toBe(traffic.GREEN_YIELD);
  });

  it('a lefthand network keeps left', () => {
    const r = loadScenarioText(JSON.stringify({ version: 1, traffic: { sumo: { net: 't.net.xml' } } }), {
      readFile: () => NET.replace('<net version="1.9">', '<net version="1.9" lefthand="true">'),
    });
    expect(r.ok && r.input.traffic!.network.keepRight).toBe(false);
  });
});

describe('SUMO demand reader', () => {
  it('reads trips, vehicles with routes inside or by id, and a vType', () => {
    const p = parseSumoDemand(
      `<routes>
  <vType id="car" accel="2.0" decel="4.0" tau="1.2" minGap="2.0" length="4.5"/>
  <route id="r1" edges="a b"/>
  <vehicle id="v0" depart="1" route="r1"/>
  <vehicle id="v1" depart="2"><route edges="a c"/></vehicle>
  <trip id="t0" depart="3.5" from="a" to="b"/>
</routes>`,
      'd.rou.xml',
    );
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.data.items.map((i) => [i.id, i.departS, i.from, i.to, i.edges])).toEqual([
      ['v0', 1, 'a', 'b', ['a', 'b']],
      ['v1', 2, 'a', 'c', ['a', 'c']],
      ['t0', 3.5, 'a', 'b', null],
    ]);
    expect(p.data.vTypes[0]).toMatchObject({ accel: 2, decel: 4, tau: 1.2, minGap: 2, length: 4.5 });
  });

  it('refuses an unknown route, a missing depart and a trip on an edge the network lacks', () => {
    const p = parseSumoDemand('<routes>\n<vehicle id="v" depart="1" route="nope"/>\n<trip id="t" from="a" to="b"/>\n</routes>', 'd.rou.xml');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.issues.map((i) => i.path)).toEqual(['d.rou.xml:2', 'd.rou.xml:3']);
    const r = loadScenarioText(JSON.stringify({ version: 1, traffic: { sumo: { net: 'n.net.xml', routes: 't.xml' } } }), {
      readFile: (f) => (f === 'n.net.xml' ? NET : '<routes><trip id="x" depart="0" from="a" to="zzz"/></routes>'),
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]!.message).toContain('"x" uses an edge the network "n.net.xml" does not have');
  });

  it('drives a vehicle on its given route and writes its tripinfo', async () => {
    const { createSimulation } = await import('../../../src/sim');
    const r = loadScenarioText(JSON.stringify({ version: 1, traffic: { sumo: { net: 'n.net.xml', routes: 'r.xml' } } }), {
      readFile: (f) => (f === 'n.net.xml' ? NET : '<routes><vehicle id="v" depart="0"><route edges="a c"/></vehicle></routes>'),
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const sim = createSimulation(r.input);
    while (sim.traffic!.busy(sim.nowMs) && sim.nowMs < 600_000) sim.step(500);
    const xml = sim.traffic!.tripinfoXml()!;
    expect(xml).toMatch(/<tripinfo id="v" depart="0\.50" arrival="[\d.]+" duration="[\d.]+" routeLength="180\.00"/);
  });
});
