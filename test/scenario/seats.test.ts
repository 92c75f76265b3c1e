/** Seats of a hosted exercise in a scenario file: the defaults, a room of one's own, and references checked. */
import { describe, expect, it } from 'vitest';
import { loadScenarioData } from '../../src/scenario';

const base = {
  version: 1,
  city: { generator: { buildings: 200, population: 0, infrastructure: false } },
  injects: [{ id: 'call', title: 'A phone call', commands: [{ type: 'inject.pressure', title: 'Press on line 2' }] }],
  decisions: [
    {
      id: 'd',
      title: 'Say something?',
      options: [
        { id: 'yes', label: 'Yes', commands: [] },
        { id: 'no', label: 'No', commands: [] },
      ],
    },
  ],
};

describe('scenario seats', () => {
  it('gives the usual room when the scenario names none', () => {
    const r = loadScenarioData(base);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.input.seats!.map((s) => `${s.id}:${s.role}:${s.view}`)).toEqual([
      'facilitator:facilitator:truth',
      'grid:player:operator',
      'water:player:operator',
      'network:player:operator',
      'executive:player:operator',
      'observer:observer:truth',
    ]);
  });

  it('takes a room of its own and addresses injects and decisions to its seats', () => {
    const r = loadScenarioData({
      ...base,
      seats: [
        { id: 'lead', title: 'Exercise lead', role: 'facilitator' },
        { id: 'comms', title: 'Communications', commands: ['note.add'] },
      ],
      injects: [{ ...base.injects[0], seat: 'comms' }],
      decisions: [{ ...base.decisions[0], seat: 'comms' }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.input.seats!.map((s) => `${s.id}:${s.role}:${s.view}`)).toEqual(['lead:facilitator:truth', 'comms:player:operator']);
    expect(r.input.injects[0]!.seat).toBe('comms');
    expect(r.input.decisions![0]!.seat).toBe('comms');
  });

  it('names the field and the fix for a seat that does not exist, a second facilitator or an unknown command type', () => {
    const r = loadScenarioData({
      ...base,
      seats: [
        { id: 'a', title: 'A', role: 'facilitator' },
        { id: 'b', title: 'B', role: 'facilitator', commands: ['power.breakr'] },
      ],
      injects: [{ ...base.injects[0], seat: 'water' }],
      decisions: [{ ...base.decisions[0], seat: 'grid' }],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['seats', 'seats[1].commands[0]', 'injects[0].seat', 'decisions[0].seat']));
    expect(r.issues.find((i) => i.path === 'seats')!.hint).toMatch(/exactly one seat/);
    expect(r.issues.find((i) => i.path === 'seats[1].commands[0]')!.hint).toMatch(/power\.breaker/);
  });
});
