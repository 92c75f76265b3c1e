/**
 * describeEvent: the line the event log, tooltips and the after-action report show for each event.
 * One example per event type, with both sides of every choice the wording makes, and the name
 * lookup applied where an id stands for something a person knows by name.
 */
import { describe, expect, it } from 'vitest';
import { describeEvent, HOUR, MINUTE, type EventPayloads, type EventType, type SimEvent } from '../../../src/sim/core';

// Every event type, checked complete by the compiler.
const EVERY_TYPE: Record<EventType, true> = {
  'sim.started': true,
  'inject.applied': true,
  'command.applied': true,
  'comms.link.congested': true,
  'comms.device.lost': true,
  'comms.device.restored': true,
  'comms.zone.isolated': true,
  'comms.vendor.access': true,
  'policy.changed': true,
  'threat.stage': true,
  'threat.response': true,
  'cctv.camera.state': true,
  'botnet.flood': true,
  'data.exfiltration.started': true,
  'data.exfiltrated': true,
  'data.exfiltration.detected': true,
  'data.exfiltration.stopped': true,
  'data.disclosed': true,
  'inject.held': true,
  'inject.released': true,
  'inject.skipped': true,
  'inject.pressure': true,
  'decision.opened': true,
  'decision.taken': true,
  'decision.expired': true,
  'note.added': true,
  'vendor.access.compromised': true,
  'vendor.banned': true,
  'vendor.asset.replaced': true,
  'asset.compromised': true,
  'asset.secured': true,
  'asset.disabled': true,
  'asset.restored': true,
  'asset.status.changed': true,
  'dependency.supply.lost': true,
  'dependency.buffer.exhausted': true,
  'dependency.supply.restored': true,
  'power.breaker.opened': true,
  'power.breaker.closed': true,
  'power.branch.tripped': true,
  'power.bus.deenergized': true,
  'power.bus.energized': true,
  'power.load.shed': true,
  'power.load.restored': true,
  'power.generator.tripped': true,
  'power.protection.changed': true,
  'power.telemetry.spoofed': true,
  'power.load.disconnected': true,
  'power.crew.dispatched': true,
  'traffic.signal.mode': true,
  'traffic.conflict': true,
  'traffic.gridlock': true,
  'traffic.emergency.dispatched': true,
  'traffic.emergency.arrived': true,
  'traffic.link.closed': true,
  'traffic.link.opened': true,
  'water.pump.stopped': true,
  'water.pump.started': true,
  'water.link.commanded': true,
  'water.service.degraded': true,
  'water.service.lost': true,
  'water.service.restored': true,
  'water.tank.level': true,
  'water.sensor.spoofed': true,
  'water.plc.logic.changed': true,
  'water.link.denied': true,
  'water.dosing.changed': true,
  'water.quality.exceeded': true,
  'water.zone.isolated': true,
  'water.hydraulics.unsolved': true,
  'water.hydraulics.solved': true,
  'privacy.policy.changed': true,
  'privacy.dataset.acquired': true,
};

const NAMES: Record<string, string> = { kestrel: 'Kestrel Systems', hawk: 'Hawk Optics', sub1: 'North substation', hosp: 'General Hospital', j7: 'Junction 7' };
const name = (id: string) => NAMES[id] ?? id;

function ev<K extends EventType>(type: K, data: EventPayloads[K], source: string | null = null): SimEvent {
  return { id: 'e1', tMs: 0, type, source, causes: [], data } as unknown as SimEvent;
}

const cases: [SimEvent, string][] = [
  [ev('sim.started', { scenarioId: 'default', seed: 42 }), 'Simulation started (scenario default, seed 42)'],
  [ev('inject.applied', { inject: 'i1' as never, title: 'Vendor hacked', attack: null, early: false }), 'Inject: Vendor hacked'],
  [ev('inject.applied', { inject: 'i1' as never, title: 'Vendor hacked', attack: null, early: true }), 'Inject (fired early): Vendor hacked'],
  [ev('command.applied', { command: 'isolate network zone ot', actor: 'operator' }), 'operator command: isolate network zone ot'],
  [ev('comms.link.congested', { link: 'l1', utilisationPct: 143.6, congested: true }), 'Network link l1 congested: offered 144% of its capacity'],
  [ev('comms.link.congested', { link: 'l1', utilisationPct: 50, congested: false }), 'Network link l1 no longer congested'],
  [
    ev('comms.device.lost', { reason: 'blocked', lossPct: 100, delayMs: 0 }, 'sub1'),
    'North substation lost comms: its control traffic is blocked by the firewall',
  ],
  [ev('comms.device.lost', { reason: 'unreachable', lossPct: 100, delayMs: 0 }, 'sub1'), 'North substation lost comms: its control room cannot be reached'],
  [
    ev('comms.device.lost', { reason: 'congestion', lossPct: 37.4, delayMs: 812.6 }, 'sub1'),
    'North substation lost comms: control traffic misses its deadline (37% lost, 813 ms delay)',
  ],
  [ev('comms.device.restored', { lossPct: 0.4, delayMs: 20.5 }, 'sub1'), 'North substation: comms restored (0% lost, 21 ms delay)'],
  [ev('comms.zone.isolated', { zone: 'ot', isolated: true, actor: 'operator' }), 'Network zone ot isolated by operator'],
  [ev('comms.zone.isolated', { zone: 'ot', isolated: false, actor: 'scenario' }), 'Network zone ot reconnected by scenario'],
  [
    ev('comms.vendor.access', { vendor: 'kestrel' as never, enabled: true, actor: 'operator' }),
    "Kestrel Systems's remote-maintenance access restored by operator",
  ],
  [ev('comms.vendor.access', { vendor: 'kestrel' as never, enabled: false, actor: 'operator' }), "Kestrel Systems's remote-maintenance access cut by operator"],
  [ev('policy.changed', { policy: 'segmentation', enabled: true, actor: 'operator' }), 'Policy segmentation in force (operator)'],
  [ev('policy.changed', { policy: 'segmentation', enabled: false, actor: 'scenario' }), 'Policy segmentation lifted (scenario)'],
  [
    ev('threat.stage', { campaign: 'red', stage: 'discovery', technique: 'T0846', assets: 3, zones: [], note: 'maps the OT network' }),
    'Attack red, discovery (T0846): maps the OT network',
  ],
  [ev('threat.response', { action: 'reflash', done: true, durationS: 600, assets: 4 }), 'Response reflash complete on 4 asset(s)'],
  [ev('threat.response', { action: 'reflash', done: false, durationS: 1770, assets: 4 }), 'Response reflash under way (30 min) on 4 asset(s)'],
  [ev('cctv.camera.state', { from: 'no-power', to: 'ok', technique: null }, 'cam'), 'cam: camera working again'],
  [ev('cctv.camera.state', { from: 'ok', to: 'hijacked', technique: 'T0832' }, 'cam'), 'cam: camera view hijacked (looped or blinded) (T0832)'],
  [ev('cctv.camera.state', { from: 'ok', to: 'botnet', technique: null }, 'cam'), 'cam: camera recruited into a botnet'],
  [ev('cctv.camera.state', { from: 'ok', to: 'no-power', technique: null }, 'cam'), 'cam: camera dark: no power'],
  [ev('cctv.camera.state', { from: 'ok', to: 'offline', technique: null }, 'cam'), 'cam: camera dark: out of service (switched off or being replaced)'],
  [ev('cctv.camera.state', { from: 'ok', to: 'no-network', technique: null }, 'cam'), 'cam: camera dark: no network'],
  [
    ev('botnet.flood', { members: 120, offeredMbps: 599.5, started: true, technique: 'T0814' }),
    'Botnet of 120 device(s) floods the network with 600 Mb/s (T0814)',
  ],
  [ev('botnet.flood', { members: 120, offeredMbps: 0, started: false, technique: 'T0814' }), 'Botnet flood stops'],
  [
    ev('data.exfiltration.started', { dataset: 'anpr', destinationJurisdiction: 'XX', technique: 'T0882', via: 'cloud' }),
    'Exfiltration of anpr to XX begins (T0882, via cloud)',
  ],
  [ev('data.exfiltrated', { dataset: 'anpr', records: 5000, bytes: 12_345_678, destinationJurisdiction: 'XX' }), '5000 records of anpr (12.3 MB) now in XX'],
  [
    ev('data.exfiltration.detected', { dataset: 'face', bytes: 2_060_000, delayS: 1290 }),
    'Egress monitoring flags face leaving (2.1 MB, 22 min after it began)',
  ],
  [ev('data.exfiltration.stopped', { dataset: 'face', reason: 'zone isolated' }), 'Exfiltration of face stops: zone isolated'],
  [
    ev('data.disclosed', {
      dataset: 'anpr',
      vendor: 'hawk' as never,
      records: 0,
      requestedBy: 'YY',
      destinationJurisdiction: 'YY',
      withheld: 'data kept in the city',
    }),
    'Hawk Optics ordered by YY to disclose anpr: withheld (data kept in the city)',
  ],
  [
    ev('data.disclosed', { dataset: 'anpr', vendor: 'hawk' as never, records: 900, requestedBy: 'YY', destinationJurisdiction: 'YY', withheld: null }),
    'Hawk Optics discloses 900 records of anpr to YY under legal order',
  ],
  [ev('inject.held', { inject: 'i' as never, title: 'T' }), 'Inject held: T'],
  [ev('inject.released', { inject: 'i' as never, title: 'T' }), 'Inject released: T'],
  [ev('inject.skipped', { inject: 'i' as never, title: 'T' }), 'Inject skipped: T'],
  [ev('inject.pressure', { title: 'Press at the gate', text: '' }), 'Pressure inject: Press at the gate'],
  [ev('decision.opened', { decision: 'd', title: 'Isolate?', budgetMs: 0 }), 'Decision needed: Isolate?'],
  [
    ev('decision.taken', { decision: 'd', option: 'o', label: 'Isolate now', by: 'Gold', rationale: 'contain it', late: true }),
    'Decision (after its time budget): Isolate now — Gold: "contain it"',
  ],
  [ev('decision.taken', { decision: 'd', option: 'o', label: 'Wait', by: '', rationale: '', late: false }), 'Decision: Wait'],
  [ev('decision.expired', { decision: 'd', title: 'Isolate?' }), 'No decision in time: Isolate?'],
  [ev('note.added', { text: 'good call', author: 'Ann', kind: 'evaluation', expected: null, met: null }), 'Evaluator (Ann): good call'],
  [ev('note.added', { text: 'rang vendor', author: '', kind: 'note', expected: null, met: null }), 'Note: rang vendor'],
  [
    ev('vendor.access.compromised', { vendor: 'kestrel' as never, technique: 'T0862', assets: 12 }),
    "Attacker gains Kestrel Systems's remote access (T0862), reaching 12 assets",
  ],
  [
    ev('vendor.banned', { vendor: 'hawk' as never, kinds: ['camera', 'nvr'], replacement: null, assets: 0, crews: 4, endMs: 0 }),
    'Hawk Optics banned from camera, nvr: it supplies none of them here, nothing to replace',
  ],
  [
    ev('vendor.banned', { vendor: 'hawk' as never, kinds: ['camera'], replacement: 'kestrel' as never, assets: 30, crews: 2, endMs: 26 * HOUR + 5 * MINUTE }),
    'Hawk Optics banned from camera: 2 crew(s) replace its 30 asset(s) with kit from Kestrel Systems, each out of service while it is swapped, until day 2 02:05:00',
  ],
  [
    ev('vendor.banned', { vendor: 'hawk' as never, kinds: ['camera'], replacement: null, assets: 3, crews: 1, endMs: HOUR }),
    'Hawk Optics banned from camera: 1 crew(s) replace its 3 asset(s) with unbranded kit, each out of service while it is swapped, until 01:00:00',
  ],
  [
    ev('vendor.asset.replaced', { vendor: 'hawk' as never, replacement: 'kestrel' as never, kind: 'camera', downS: 5400, remoteAccess: true }, 'cam'),
    "cam replaced: now supplied by Kestrel Systems (with its remote maintenance), after 1 h 30 min out of service; Hawk Optics's access and any foothold on it are gone",
  ],
  [
    ev('vendor.asset.replaced', { vendor: 'hawk' as never, replacement: null, kind: 'camera', downS: 45, remoteAccess: false }, 'cam'),
    "cam replaced: no vendor any more, no vendor remote access, after 45 s out of service; Hawk Optics's access and any foothold on it are gone",
  ],
  [ev('asset.compromised', { vendor: null, technique: 'T0812' }, 'sub1'), 'North substation compromised (T0812)'],
  [ev('asset.secured', { previousTechnique: 'T0812' }, 'sub1'), 'North substation secured: attacker access removed'],
  [
    ev('asset.disabled', { actor: 'attacker', technique: null, reason: 'breaker opened' }, 'sub1'),
    'North substation taken out of service by attacker: breaker opened',
  ],
  [ev('asset.restored', { actor: 'operator', reason: 'crew closed it' }, 'sub1'), 'North substation returned to service by operator: crew closed it'],
  [ev('asset.status.changed', { from: 'ok', to: 'down', reason: 'no power' }, 'hosp'), 'General Hospital is down (was ok): no power'],
  [ev('asset.status.changed', { from: 'ok', to: 'down', reason: 'city-wide' }), 'the city is down (was ok): city-wide'],
  [
    ev('dependency.supply.lost', { edge: 'x' as never, supplier: 'sub1' as never, resource: 'power', bufferMs: 1 }, 'hosp'),
    'General Hospital lost power from North substation; running on backup',
  ],
  [
    ev('dependency.supply.lost', { edge: 'x' as never, supplier: 'sub1' as never, resource: 'power', bufferMs: 0 }, 'hosp'),
    'General Hospital lost power from North substation',
  ],
  [
    ev('dependency.buffer.exhausted', { edge: 'x' as never, supplier: 'sub1' as never, resource: 'water' }, 'hosp'),
    'General Hospital: backup for water exhausted',
  ],
  [
    ev('dependency.supply.restored', { edge: 'x' as never, supplier: 'sub1' as never, resource: 'power' }, 'hosp'),
    'General Hospital: power restored from North substation',
  ],
  [ev('power.breaker.opened', { branch: 'line-north-east', actor: 'attacker', reason: 'T0831' }), 'Breaker on the north-east line opened by attacker: T0831'],
  [ev('power.breaker.closed', { branch: '7', actor: 'operator', reason: 'restoration' }), 'Breaker on line 7 closed by operator: restoration'],
  [
    ev('power.branch.tripped', { branch: 'line-a-b', loadingPct: 131.6, overloadS: 59.5 }),
    'The a-b line tripped by its protection after 60 s at 132% of its rating',
  ],
  [ev('power.branch.tripped', { branch: '12', loadingPct: 101, overloadS: 5 }), 'Line 12 tripped by its protection after 5 s at 101% of its rating'],
  [ev('power.bus.deenergized', { bus: '4', island: 2 }, 'sub1'), 'North substation: bus 4 de-energised (no generation left in its island)'],
  [ev('power.bus.energized', { bus: '4' }, 'sub1'), 'North substation: bus 4 energised again'],
  [ev('power.load.shed', { bus: '4', shedMW: 3.14159, loadMW: 10 }, 'sub1'), 'North substation: 3.1 of 10.0 MW of load shed at bus 4'],
  [ev('power.load.restored', { bus: '4', loadMW: 9.96 }, 'sub1'), 'North substation: all 10.0 MW of load served again at bus 4'],
  [ev('power.generator.tripped', { generator: 'g1', actor: 'attacker' }), 'Generator g1 tripped by attacker'],
  [ev('power.protection.changed', { branches: 3, enabled: true, actor: 'operator' }), 'Protection restored on 3 line(s) by operator'],
  [ev('power.protection.changed', { branches: 3, enabled: false, actor: 'attacker' }), 'Protection disabled on 3 line(s) by attacker'],
  [ev('power.telemetry.spoofed', { branches: 2, mode: 'clear', factor: 1 }), 'SCADA telemetry on 2 line(s) true again'],
  [ev('power.telemetry.spoofed', { branches: 2, mode: 'freeze', factor: 1 }), 'SCADA telemetry on 2 line(s) spoofed (frozen)'],
  [ev('power.telemetry.spoofed', { branches: 2, mode: 'scale', factor: 0.5 }), 'SCADA telemetry on 2 line(s) spoofed (scaled ×0.5)'],
  [ev('power.load.disconnected', { buses: 5, share: 0.254, actor: 'attacker' }), 'Smart meters disconnect 25% of load at 5 bus(es)'],
  [ev('power.load.disconnected', { buses: 5, share: 0, actor: 'operator' }), 'Smart-meter load reconnected at 5 bus(es)'],
  [ev('power.crew.dispatched', { substation: 'sub1' as never, etaS: 1750, manual: true }), 'Crew sent to North substation; manual switching in 29 min'],
  [ev('power.crew.dispatched', { substation: 'sub1' as never, etaS: 60, manual: false }), 'Crew sent to North substation; remote switching in 1 min'],
  [ev('traffic.signal.mode', { from: 'normal', to: 'dark', reason: 'lights out: no power' }, 'j7'), 'Junction 7: lights out: no power (was normal)'],
  [ev('traffic.conflict', { conflicts: 2, total: 9 }, 'j7'), 'Junction 7: 2 conflicting movement(s) through the junction — crash risk (9 so far)'],
  [ev('traffic.gridlock', { stuck: 0, cleared: true }), 'Gridlock cleared: no vehicle stuck for over 5 minutes'],
  [ev('traffic.gridlock', { stuck: 41, cleared: false }), 'Gridlock: 41 vehicle(s) stuck for over 5 minutes'],
  [
    ev('traffic.emergency.dispatched', { unit: 'A1', to: 'sub1' as never, kind: 'ambulance' }, 'hosp'),
    'Ambulance A1 sent from General Hospital to North substation',
  ],
  [
    ev('traffic.emergency.dispatched', { unit: 'P2', to: 'sub1' as never, kind: 'police' }, 'hosp'),
    'Police unit P2 sent from General Hospital to North substation',
  ],
  [ev('traffic.emergency.arrived', { unit: 'A1', responseS: 725 }, 'sub1'), 'A1 reached North substation after 12 min 5 s'],
  [ev('traffic.link.closed', { link: 'r1', actor: 'operator' }), 'Road r1 closed by operator'],
  [ev('traffic.link.opened', { link: 'r1', actor: 'operator' }), 'Road r1 reopened by operator'],
  [ev('water.pump.stopped', { pump: 'P1', reason: 'no power' }, 'pst'), 'pst: pump P1 stopped (no power)'],
  [ev('water.pump.started', { pump: 'P1', reason: 'power back' }, 'pst'), 'pst: pump P1 running again (power back)'],
  [ev('water.link.commanded', { link: 'P1', open: true, plc: 'PLC1', sensor: 'P_T1', readingM: 1.234, trueM: 1.236 }), 'PLC1 opens P1: it reads P_T1 = 1.23'],
  [
    ev('water.link.commanded', { link: 'P1', open: false, plc: 'PLC1', sensor: 'P_T1', readingM: 6.5, trueM: 2.25 }),
    'PLC1 closes P1: it reads P_T1 = 6.50 (truly 2.25)',
  ],
  [ev('water.service.degraded', { node: 'J3', servicePct: 62.4 }, 'hosp'), 'General Hospital: water service down to 62% at node J3 (low pressure)'],
  [ev('water.service.lost', { node: 'J3', servicePct: 4.6 }, 'hosp'), 'General Hospital: water service lost at node J3 (5% delivered)'],
  [ev('water.service.restored', { node: 'J3', servicePct: 99.5 }, 'hosp'), 'General Hospital: water service restored at node J3 (100%)'],
  [ev('water.tank.level', { tank: 'T1', state: 'normal', levelM: 3 }, 'tank'), 'tank: tank T1 back within its levels'],
  [ev('water.tank.level', { tank: 'T1', state: 'empty', levelM: 0.004 }, 'tank'), 'tank: tank T1 has run dry (0.00 m)'],
  [ev('water.tank.level', { tank: 'T1', state: 'full', levelM: 6.499 }, 'tank'), 'tank: tank T1 is full (6.50 m)'],
  [ev('water.sensor.spoofed', { sensor: 'P_T1', to: 'PLC1', mode: 'clear', value: 0 }), 'Reading P_T1 to PLC1 true again'],
  [ev('water.sensor.spoofed', { sensor: 'P_T1', to: 'PLC1', mode: 'freeze', value: 0 }), 'Reading P_T1 sent to PLC1 spoofed (freeze)'],
  [ev('water.sensor.spoofed', { sensor: 'P_T1', to: 'SCADA', mode: 'offset', value: 2 }), 'Reading P_T1 sent to SCADA spoofed (offset 2)'],
  [ev('water.plc.logic.changed', { plc: 'PLC1', rules: 2, restored: false }), 'PLC1: control logic changed (2 rule(s))'],
  [ev('water.plc.logic.changed', { plc: 'PLC1', rules: 0, restored: true }), 'PLC1: original control logic restored'],
  [ev('water.link.denied', { from: 'PLC1', to: 'SCADA', denied: true }), 'Link PLC1 → SCADA denied: readings no longer arrive'],
  [ev('water.link.denied', { from: 'PLC1', to: 'SCADA', denied: false }), 'Link PLC1 → SCADA restored'],
  [ev('water.dosing.changed', { node: 'R1', setpointMgL: 8, actor: 'attacker' }), 'Chemical dosing at R1 set to 8 mg/L by attacker'],
  [ev('water.quality.exceeded', { node: 'J3', mgL: 4.04, limitMgL: 4 }, 'hosp'), 'General Hospital: chemical at node J3 reaches 4.0 mg/L (limit 4 mg/L)'],
  [
    ev('water.zone.isolated', { nodes: 3, examples: ['hosp', 'j7'], isolated: true }),
    '3 water node(s) cut off from every reservoir and tank (General Hospital, Junction 7, …): no water reaches them',
  ],
  [
    ev('water.zone.isolated', { nodes: 2, examples: ['hosp', 'j7'], isolated: false }),
    '2 water node(s) joined to a supply again (General Hospital, Junction 7)',
  ],
  [
    ev('water.hydraulics.unsolved', { reason: 'no source' }),
    'The water network cannot be solved in this state (no source); the last solved pressures and flows stand until it can',
  ],
  [ev('water.hydraulics.solved', { reason: '' }), 'The water network can be solved again'],
  [ev('privacy.policy.changed', { dataset: 'anpr', summary: 'k = 5' }), 'Anonymisation of the anpr dataset changed: k = 5'],
  [ev('privacy.dataset.acquired', { dataset: 'meter', how: 'exfiltrated', records: 168 }), 'Attacker holds the meter dataset (exfiltrated, 168 records)'],
];

// Edge cases the first mutation run of describeEvent left untested.
cases.push(
  [
    ev('vendor.banned', { vendor: 'hawk' as never, kinds: ['camera', 'nvr'], replacement: null, assets: 2, crews: 1, endMs: HOUR }),
    'Hawk Optics banned from camera, nvr: 1 crew(s) replace its 2 asset(s) with unbranded kit, each out of service while it is swapped, until 01:00:00',
  ],
  [ev('water.link.commanded', { link: 'P1', open: true, plc: 'PLC1', sensor: 'P_T1', readingM: 0.005, trueM: 0 }), 'PLC1 opens P1: it reads P_T1 = 0.01'],
  [
    ev('water.zone.isolated', { nodes: 2, examples: ['hosp', 'j7'], isolated: true }),
    '2 water node(s) cut off from every reservoir and tank (General Hospital, Junction 7): no water reaches them',
  ],
  [ev('water.zone.isolated', { nodes: 5, examples: ['hosp'], isolated: false }), '5 water node(s) joined to a supply again (General Hospital, …)'],
);

describe('describeEvent', () => {
  it.each(cases)('%#: %s', (e, text) => {
    expect(describeEvent(e, name)).toBe(text);
  });

  it('uses ids as names when given no lookup', () => {
    expect(describeEvent(ev('asset.secured', { previousTechnique: 'x' }, 'sub1'))).toBe('sub1 secured: attacker access removed');
  });

  it('has an example for every event type', () => {
    const covered = new Set<string>(cases.map(([e]) => e.type));
    expect(Object.keys(EVERY_TYPE).filter((t) => !covered.has(t))).toEqual([]);
  });
});
