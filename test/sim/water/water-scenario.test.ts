/** The scenario's water section and water commands: every reference checked, each problem with its path and a hint. */
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../support/scenarios';
import { TINY_INP_CONTROLLED, tinyWaterIssues } from '../../support/water';

const plcs = [{ id: 'PLC1', sensors: ['P_TK'], actuators: ['PU'] }];
const withCommands = (commands: unknown[], extra: Record<string, unknown> = {}) =>
  tinyWaterIssues({ water: { plcs, ...extra }, injects: [{ id: 'x', at: '1h', title: 'x', commands }] }, TINY_INP_CONTROLLED);

describe('water scenario references', () => {
  it('accepts good commands', () => {
    expect(
      withCommands([
        { type: 'water.sensor.spoof', sensor: 'P_TK', to: 'PLC1', mode: 'constant', value: 1 },
        { type: 'water.sensor.spoof', sensor: 'P_TK', to: 'SCADA', mode: 'freeze' },
        { type: 'water.plc.logic', plc: 'PLC1', rules: [{ rule: 'CTRL2', levelM: 9 }] },
      ]),
    ).toEqual([]);
  });

  it("names unknown PLCs, rules past the file's controls, sensors on missing nodes, and values a mode needs", () => {
    const issues = withCommands([
      { type: 'water.sensor.spoof', sensor: 'P_TANK', to: 'PLC9', mode: 'offset' },
      { type: 'water.plc.logic', plc: 'PLC1', rules: [{ rule: 'CTRL3', levelM: 1 }] },
      { type: 'water.link.deny', from: 'PLC2', to: 'PLC1', denied: true },
    ]);
    const at = (p: string) => issues.find((i) => i.path === p);
    expect(at('injects[0].commands[0].sensor')?.message).toMatch(/node "TANK", which is not in the network/);
    expect(at('injects[0].commands[0].sensor')?.hint).toMatch(/TK/);
    expect(at('injects[0].commands[0].to')?.message).toBe('unknown PLC "PLC9"');
    expect(at('injects[0].commands[0].value')?.message).toMatch(/needs a value/);
    expect(at('injects[0].commands[1].rules[0].rule')?.message).toMatch(/CTRL3 is not a control of the file \(it has 2\)/);
    expect(at('injects[0].commands[2].from')?.message).toBe('unknown PLC "PLC2"');
    expect(issues).toHaveLength(5);
  });

  it('asks for a tracked chemical before a dosing command, and checks mapped elements and consumers', () => {
    const issues = withCommands([{ type: 'water.dosing', setpointMgL: 11100 }], {
      assets: [{ element: 'PUMP9', asset: 'nowhere' }],
      consumers: [{ node: 'TK', asset: 'nowhere' }],
    });
    const paths = issues.map((i) => i.path).sort();
    expect(paths).toEqual([
      'injects[0].commands[0]',
      'water.assets[0].asset',
      'water.assets[0].element',
      'water.consumers[0].asset',
      'water.consumers[0].node',
    ]);
    expect(issues.find((i) => i.path === 'injects[0].commands[0]')!.hint).toMatch(/"quality"/);
  });

  it('says water commands need a water network', () => {
    const issues = issuesOf({ injects: [{ id: 'x', at: '1h', title: 'x', commands: [{ type: 'water.link.deny', from: 'A', to: 'B', denied: true }] }] });
    expect(issues).toEqual([expect.objectContaining({ path: 'injects[0].commands[0]', message: 'this scenario has no water network' })]);
  });
});
