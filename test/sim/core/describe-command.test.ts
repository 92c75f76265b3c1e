/**
 * describeCommand: the line the command log, the after-action report and the console show for each
 * command. One example per command type, and both sides of every choice the wording makes.
 */
import { describe, expect, it } from 'vitest';
import { describeCommand, type Command, type CommandType } from '../../../src/sim/core';

// Every command type, checked complete by the compiler.
const EVERY_TYPE: Record<CommandType, true> = {
  'inject.fire': true,
  'comms.isolate': true,
  'comms.vendor-access': true,
  'comms.manual': true,
  'cctv.view': true,
  'threat.campaign': true,
  'threat.exfiltrate': true,
  'threat.botnet': true,
  'threat.disclose': true,
  'threat.ransomware': true,
  'threat.reflash': true,
  'policy.set': true,
  'policy.vendor.ban': true,
  'inject.hold': true,
  'inject.release': true,
  'inject.skip': true,
  'inject.pressure': true,
  'decision.open': true,
  'decision.take': true,
  'note.add': true,
  'vendor.compromise': true,
  'asset.disable': true,
  'asset.restore': true,
  'asset.secure': true,
  'power.breaker': true,
  'power.protection': true,
  'power.telemetry': true,
  'power.load.disconnect': true,
  'power.generator.trip': true,
  'power.crew.dispatch': true,
  'traffic.signal.plan': true,
  'traffic.link': true,
  'traffic.emergency.dispatch': true,
  'water.sensor.spoof': true,
  'water.plc.logic': true,
  'water.link.deny': true,
  'water.dosing': true,
  'privacy.anonymise': true,
  'privacy.attacker.acquire': true,
  'privacy.attacker.release': true,
};

const cases: [Command, string][] = [
  [{ type: 'inject.fire', inject: 'i1' }, 'fire inject i1'],
  [{ type: 'comms.isolate', zone: 'ot', isolated: true }, 'isolate network zone ot'],
  [{ type: 'comms.isolate', zone: 'ot', isolated: false }, 'reconnect network zone ot'],
  [{ type: 'comms.vendor-access', vendor: 'kestrel', enabled: true }, "restore kestrel's remote access"],
  [{ type: 'comms.vendor-access', vendor: 'kestrel', enabled: false }, "cut kestrel's remote access"],
  [{ type: 'comms.manual', kinds: ['pump', 'signal'], enabled: true }, 'switch to manual operation of pump, signal'],
  [{ type: 'comms.manual', enabled: false }, 'return to remote control of every remotely controlled device'],
  [{ type: 'cctv.view', targets: { ids: ['c1', 'c2'] }, mode: 'loop' }, 'loop the view of c1, c2'],
  [
    { type: 'cctv.view', targets: { kind: 'camera', vendor: 'hawk', district: 'docks', limit: 3 }, mode: 'blind' },
    'blind the view of camera vendor hawk in docks up to 3',
  ],
  [{ type: 'cctv.view', targets: { kind: 'camera' }, mode: 'clear' }, 'restore the true view of camera'],
  [{ type: 'threat.campaign', id: 'red', entry: 'vendor-access', vendor: 'kestrel', objective: 'disrupt' }, 'attack red: vendor-access (kestrel) to disrupt'],
  [{ type: 'threat.campaign', id: 'mirai', entry: 'default-credentials', objective: 'botnet' }, 'attack mirai: default-credentials to botnet'],
  [{ type: 'threat.exfiltrate', datasets: ['anpr', 'face'], destination: 'XX' }, 'exfiltrate anpr, face to XX'],
  [{ type: 'threat.exfiltrate', destination: 'XX' }, 'exfiltrate every reachable dataset to XX'],
  [{ type: 'threat.botnet', targets: { kind: 'camera' }, action: 'start' }, 'start a botnet flood from camera'],
  [{ type: 'threat.disclose', vendor: 'hawk', requestedBy: 'YY' }, 'legal order from YY to hawk to disclose its data'],
  [{ type: 'threat.ransomware' }, "ransomware on the operator's IT"],
  [{ type: 'threat.reflash', targets: { ids: ['c1'] } }, 'reflash firmware on c1'],
  [{ type: 'policy.set', policy: 'segmentation', enabled: true }, 'enforce policy segmentation'],
  [{ type: 'policy.set', policy: 'data-localisation', enabled: false }, 'lift policy data-localisation'],
  [
    { type: 'policy.vendor.ban', vendor: 'hawk', kinds: ['camera'], replacement: 'kite', crews: 2 },
    'ban hawk from camera: replace its kit with kite (2 crews)',
  ],
  [{ type: 'policy.vendor.ban', vendor: 'hawk', replacement: null }, 'ban hawk from everything it supplies: replace its kit with unbranded kit (4 crews)'],
  [{ type: 'inject.hold', inject: 'i2' }, 'hold inject i2'],
  [{ type: 'inject.release', inject: 'i2' }, 'release inject i2'],
  [{ type: 'inject.skip', inject: 'i2' }, 'skip inject i2'],
  [{ type: 'inject.pressure', title: 'Press call' }, 'pressure inject: Press call'],
  [{ type: 'decision.open', decision: 'd1' }, 'open decision d1'],
  [{ type: 'decision.take', decision: 'd1', option: 'isolate', by: 'Gold' }, 'decide d1: isolate (Gold)'],
  [{ type: 'decision.take', decision: 'd1', option: 'wait' }, 'decide d1: wait'],
  [{ type: 'note.add', text: 'called the vendor', author: 'Ann' }, 'note by Ann: called the vendor'],
  [{ type: 'note.add', text: 'isolated in time', kind: 'evaluation' }, 'evaluation: isolated in time'],
  [{ type: 'vendor.compromise', vendor: 'kestrel', technique: 'T0862' }, 'compromise vendor kestrel (T0862)'],
  [{ type: 'vendor.compromise', vendor: 'kestrel' }, 'compromise vendor kestrel'],
  [{ type: 'asset.disable', targets: { ids: ['sub1'] } }, 'disable sub1'],
  [{ type: 'asset.restore', targets: { ids: ['sub1'] } }, 'restore sub1'],
  [{ type: 'asset.secure', targets: { vendor: 'kestrel' } }, 'secure vendor kestrel'],
  [{ type: 'power.breaker', action: 'open', branches: ['7'], substations: ['sub1'] }, 'open breakers 7, sub1'],
  [{ type: 'power.breaker', action: 'close', branches: ['7'] }, 'close breakers 7'],
  [{ type: 'power.protection', enabled: false, substations: ['sub1'] }, 'disable protection sub1'],
  [{ type: 'power.protection', enabled: true }, 'enable protection everywhere'],
  [{ type: 'power.telemetry', mode: 'scale', factor: 2, branches: ['3'] }, 'spoof (scale) telemetry 3'],
  [{ type: 'power.telemetry', mode: 'clear' }, 'clear spoofing of telemetry everywhere'],
  [{ type: 'power.load.disconnect', share: 0.345, buses: ['4'], substations: ['sub2'] }, 'disconnect 35% of smart-meter load 4, sub2'],
  [{ type: 'power.load.disconnect', share: 0 }, 'disconnect 0% of smart-meter load everywhere'],
  [{ type: 'power.generator.trip', generators: ['g1', 'g2'] }, 'trip generators g1, g2'],
  [{ type: 'power.crew.dispatch', substations: ['sub1', 'sub2'] }, 'send crews to sub1, sub2'],
  [{ type: 'traffic.signal.plan', signals: ['s1'], plan: 'normal' }, 'return signals s1 to their plans'],
  [{ type: 'traffic.signal.plan', signals: ['s1', 's2'], plan: 'all-red' }, 'impose all-red on signals s1, s2'],
  [{ type: 'traffic.signal.plan', signals: ['s1'], plan: 'all-green' }, 'impose conflicting greens on signals s1'],
  [{ type: 'traffic.link', action: 'close', links: ['r1', 'r2'] }, 'close road r1, r2'],
  [{ type: 'traffic.emergency.dispatch', from: 'hospital', to: 'sub1' }, 'send an emergency unit from hospital to sub1'],
  [{ type: 'water.sensor.spoof', sensor: 'P_T1', to: 'PLC1', mode: 'constant', value: 3 }, 'spoof P_T1 to PLC1 (constant 3)'],
  [{ type: 'water.sensor.spoof', sensor: 'P_T1', mode: 'offset' }, 'spoof P_T1 (offset 0)'],
  [{ type: 'water.sensor.spoof', sensor: 'P_T1', mode: 'freeze', value: 9 }, 'spoof P_T1 (freeze)'],
  [{ type: 'water.sensor.spoof', sensor: 'P_T1', to: 'SCADA', mode: 'clear' }, 'clear spoofing of P_T1 to SCADA'],
  [{ type: 'water.sensor.spoof', sensor: 'F_P1', mode: 'clear' }, 'clear spoofing of F_P1'],
  [{ type: 'water.plc.logic', plc: 'PLC1', restore: true }, "restore PLC1's logic"],
  [
    {
      type: 'water.plc.logic',
      plc: 'PLC1',
      rules: [
        { rule: 'pump-on', levelM: 1.5 },
        { rule: 'pump-off', levelM: 4 },
      ],
    },
    "rewrite PLC1's logic: pump-on at 1.5 m, pump-off at 4 m",
  ],
  [{ type: 'water.plc.logic', plc: 'PLC2' }, "rewrite PLC2's logic: "],
  [{ type: 'water.link.deny', from: 'PLC1', to: 'SCADA', denied: true }, 'deny link PLC1 → SCADA'],
  [{ type: 'water.link.deny', from: 'PLC1', to: 'SCADA', denied: false }, 'restore link PLC1 → SCADA'],
  [{ type: 'water.dosing', setpointMgL: 4, node: 'J3' }, 'set chemical dosing at J3 to 4 mg/L'],
  [{ type: 'water.dosing', setpointMgL: 1.2 }, 'set chemical dosing to 1.2 mg/L'],
  [{ type: 'privacy.anonymise', dataset: 'anpr', k: 5 }, 'change how anpr data is anonymised'],
  [{ type: 'privacy.attacker.acquire', datasets: ['face', 'wifi'], how: 'purchased' }, 'attacker obtains face, wifi (purchased)'],
  [{ type: 'privacy.attacker.acquire', datasets: ['meter'] }, 'attacker obtains meter (exfiltrated)'],
  [{ type: 'privacy.attacker.release', datasets: ['meter', 'anpr'] }, 'attacker no longer holds meter, anpr'],
];

describe('describeCommand', () => {
  it.each(cases)('%j', (command, text) => {
    expect(describeCommand(command)).toBe(text);
  });

  it('has an example for every command type', () => {
    const types = new Set(cases.map(([c]) => c.type));
    expect(Object.keys(EVERY_TYPE).filter((t) => !types.has(t as CommandType))).toEqual([]);
  });
});
