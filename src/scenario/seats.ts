/**
 * The seats of a hosted exercise (`twin serve`): who sits at which screen, what each sees by
 * default and what each may do. A scenario may name its own; otherwise it gets the usual tabletop
 * room (facilitator, grid, water, network and CCTV, executive, observer). Decisions and injects
 * may be addressed to one seat; the references are checked here.
 */
import type { z } from 'zod';
import type { SeatSpec } from '../sim';
import { commandTypes } from './command-types';
import { issue, quote, unknownId, type ScenarioIssue } from './issues';
import type { seatSchema } from './seat-schema';

export type SeatIn = z.infer<typeof seatSchema>;

/** The room a scenario gets when it names no seats. */
export const DEFAULT_SEATS: readonly SeatSpec[] = [
  { id: 'facilitator', title: 'Facilitator', role: 'facilitator', view: 'truth', commands: [] },
  { id: 'grid', title: 'Grid team', role: 'player', view: 'operator', commands: ['power.breaker', 'power.crew.dispatch', 'power.load.disconnect'] },
  { id: 'water', title: 'Water team', role: 'player', view: 'operator', commands: ['water.dosing'] },
  {
    id: 'network',
    title: 'Network and CCTV team',
    role: 'player',
    view: 'operator',
    commands: ['comms.isolate', 'comms.vendor-access', 'asset.secure', 'threat.reflash'],
  },
  { id: 'executive', title: 'Executive', role: 'player', view: 'operator', commands: [] },
  { id: 'observer', title: 'Observer', role: 'observer', view: 'truth', commands: [] },
];

export function compileSeats(list: readonly SeatIn[] | undefined, issues: ScenarioIssue[]): SeatSpec[] {
  if (list === undefined) return DEFAULT_SEATS.map((s) => ({ ...s }));
  const seen = new Set<string>();
  const seats = list.map((s, i): SeatSpec => {
    const path = `seats[${i}]`;
    if (seen.has(s.id)) issues.push(issue(`${path}.id`, `seat id ${quote(s.id)} is used twice`, 'give each seat its own id'));
    seen.add(s.id);
    (s.commands ?? []).forEach((c, k) => {
      if (!commandTypes.includes(c)) issues.push(unknownId(`${path}.commands[${k}]`, 'command type', c, commandTypes, 'command types'));
    });
    const role = s.role ?? 'player';
    return { id: s.id, title: s.title, role, view: s.view ?? (role === 'player' ? 'operator' : 'truth'), commands: s.commands ?? [] };
  });
  const facilitators = seats.filter((s) => s.role === 'facilitator').length;
  if (list.length > 0 && facilitators !== 1)
    issues.push(
      issue(
        'seats',
        `${facilitators === 0 ? 'no seat has' : `${facilitators} seats have`} the role "facilitator"`,
        'give exactly one seat "role": "facilitator": it runs the clock and the injects',
      ),
    );
  return seats;
}

/** Checks that a decision's or inject's `seat` names a seat of the scenario. */
export function checkSeatRef(seat: string | undefined, path: string, seats: readonly SeatSpec[], issues: ScenarioIssue[]): string | null {
  if (seat === undefined) return null;
  const ids = seats.map((s) => s.id);
  if (!ids.includes(seat)) issues.push(unknownId(path, 'seat', seat, ids, 'seats'));
  return seat;
}
