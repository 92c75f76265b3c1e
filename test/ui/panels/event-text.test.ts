/** Events as the screen says them: asset names in place of the hydraulic model's ids, and injects as a person would say them. */
import { describe, expect, it } from 'vitest';
import type { SimEvent } from '../../../src/sim';
import { eventText, namesInText } from '../../../src/ui/panels/event-text';
import { kindCount, kindPlural } from '../../../src/ui/panels/format';
import { firstScheduled, playHintText } from '../../../src/ui/panels/play-hint';
import { buildWorldIndex } from '../../../src/ui/store/world-index';
import type { WorldView } from '../../../src/worker/protocol';

const asset = (id: string, name: string) => ({ id, name, kind: 'x', subsystem: 'water' });
const index = buildWorldIndex({
  assets: [
    asset('pumping-station-southmead', 'Southmead Pumping Station'),
    asset('water-tower-riverside-south', 'Riverside South Water Tower'),
    asset('hosp', 'General Hospital'),
    asset('substation-old-town', 'Old Town Primary Substation'),
  ],
  edges: [],
  vendors: [{ id: 'aurora', name: 'Aurora Grid Automation' }],
  water: {
    nodeIds: ['WATER_TOWER_RIVERSIDE_SOUTH', 'N_OLD_TOWN_3_1'],
    nodeType: new Uint8Array([2, 0]),
    nodeAsset: new Int32Array([1, -1]),
    linkIds: ['PU_SOUTHMEAD', 'P7'],
    linkType: new Uint8Array([1, 0]),
    linkAsset: new Int32Array([0, -1]),
    plcs: [
      { id: 'PLC_SOUTHMEAD', asset: 0, actuators: [], sensors: [], rules: [] },
      { id: 'PLC_TOWER_RIVERSIDE_SOUTH', asset: 1, actuators: [], sensors: [], rules: [] },
    ],
  },
} as unknown as WorldView);

const ev = (type: string, data: object, source: string | null = null) => ({ id: 'e1', tMs: 0, type, source, causes: [], data }) as unknown as SimEvent;

describe('event text on screen', () => {
  it('says what a PLC does to which pump, reading which tank, by their names', () => {
    const e = ev('water.link.commanded', {
      link: 'PU_SOUTHMEAD',
      open: false,
      plc: 'PLC_SOUTHMEAD',
      sensor: 'P_WATER_TOWER_RIVERSIDE_SOUTH',
      readingM: 12,
      trueM: 3,
    });
    expect(eventText(e, index)).toBe(
      'The controller at Southmead Pumping Station stops the pump at Southmead Pumping Station: it reads the level in Riverside South Water Tower as 12.00 m (truly 3.00 m)',
    );
  });

  it('leaves out a node nothing names, and lists the named places a cut-off zone holds', () => {
    expect(eventText(ev('water.service.lost', { node: 'N_OLD_TOWN_3_1', servicePct: 4.6 }, 'hosp'), index)).toBe(
      'General Hospital: water service lost (5% delivered)',
    );
    expect(eventText(ev('water.zone.isolated', { nodes: 3, examples: ['N_OLD_TOWN_3_1', 'WATER_TOWER_RIVERSIDE_SOUTH'], isolated: true }), index)).toBe(
      '3 points of the water network cut off from every reservoir and tank (Riverside South Water Tower, …): no water reaches them',
    );
    expect(eventText(ev('water.sensor.spoofed', { sensor: 'P_WATER_TOWER_RIVERSIDE_SOUTH', to: 'PLC_SOUTHMEAD', mode: 'constant', value: 5.6 }), index)).toBe(
      'The level in Riverside South Water Tower, as the controller at Southmead Pumping Station gets it, is faked (constant 5.6)',
    );
    for (const e of [
      ev('power.bus.deenergized', { bus: '12', island: 1 }, 'substation-old-town'),
      ev('water.tank.level', { tank: 'WATER_TOWER_RIVERSIDE_SOUTH', state: 'full', levelM: 12 }),
    ])
      expect(eventText(e, index)).not.toMatch(/\b(bus 12|[A-Z]+_[A-Z_]+)\b/);
  });

  it('says an inject fired early as a person would', () => {
    expect(eventText(ev('inject.applied', { inject: 'i1', title: 'Vendor hacked', attack: null, early: true }), index)).toBe(
      'Fired early by the facilitator: Vendor hacked',
    );
    expect(eventText(ev('inject.applied', { inject: 'i1', title: 'Vendor hacked', attack: null, early: false }), index)).toBe(
      'Inject on schedule: Vendor hacked',
    );
  });

  it('names assets and vendors in the worker’s lines about commands', () => {
    expect(namesInText('secure vendor aurora · send crews to substation-old-town', index)).toBe(
      'secure vendor Aurora Grid Automation · send crews to Old Town Primary Substation',
    );
  });

  it('counts asset kinds in the plural', () => {
    expect(kindCount(4, 'pumping-station')).toBe('4 pumping stations');
    expect(kindCount(1, 'substation')).toBe('1 substation');
    expect(kindPlural('comms-switch')).toBe('comms switches');
    expect(kindPlural('traffic-signal')).toBe('traffic signals');
    expect(kindPlural('vendor-gateway')).toBe('vendor gateways');
    expect(kindPlural('nvr')).toBe('nvrs');
  });

  it('tells what Play will do from the first scheduled inject', () => {
    const first = firstScheduled([
      { id: 'b', atMs: 3_600_000, title: 'Later', description: '', attack: null },
      { id: 'r', atMs: null, title: 'On demand', description: '', attack: null },
      { id: 'a', atMs: 600_000, title: 'Hijack', description: '', attack: 'T0822' },
    ]);
    expect(first?.id).toBe('a');
    expect(playHintText(first!)).toBe('Press Play: the attack comes at 00:10');
  });
});

describe('grid lines on screen', () => {
  it('names a breaker’s line by the sites at its ends', () => {
    const grid = buildWorldIndex({
      assets: [asset('sub-a', 'Old Town Primary Substation'), asset('sub-b', 'Elm Park Substation')],
      edges: [],
      vendors: [],
      power: {
        buses: [
          { id: 'b1', asset: 0, position: null },
          { id: 'b2', asset: 1, position: null },
        ],
        branches: [{ id: 'line-old-town-elm-park', from: 0, to: 1, ratingMW: 40 }],
        generators: [],
      },
    } as unknown as WorldView);
    const e = ev('power.breaker.opened', { branch: 'line-old-town-elm-park', actor: 'attacker', reason: 'opened remotely' });
    expect(eventText(e, grid)).toBe('Breaker on the Old Town – Elm Park line opened by attacker: opened remotely');
  });
});
