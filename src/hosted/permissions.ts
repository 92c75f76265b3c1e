/**
 * What each seat of a hosted exercise may send. The facilitator may send anything (injects, holds,
 * skips, policies); a player takes the decisions addressed to its seat, adds notes and sends the
 * command types its seat lists; an observer adds notes and evaluation marks. The host also writes
 * who took a decision or a note into the command, so the after-action report names the seat.
 */
import type { SeatSpec } from '../sim';

export interface DecisionSeat {
  readonly id: string;
  readonly title: string;
  readonly seat?: string | null;
}

type AnyCommand = Readonly<Record<string, unknown>> & { readonly type?: unknown };

/** Null when `seat` may send `command`, else the reason in a sentence. */
export function refusal(seat: SeatSpec, command: AnyCommand, decisions: readonly DecisionSeat[], seats: readonly SeatSpec[]): string | null {
  const type = typeof command.type === 'string' ? command.type : '';
  if (seat.role === 'facilitator') return null;
  if (type === 'note.add') return null;
  if (type === 'decision.take') {
    const d = decisions.find((x) => x.id === command.decision);
    if (!d) return `there is no decision "${String(command.decision)}"`;
    const owner = d.seat ?? seats.find((s) => s.role === 'facilitator')?.id ?? null;
    if (owner === seat.id) return null;
    const title = seats.find((s) => s.id === owner)?.title ?? 'the facilitator';
    return `"${d.title}" is for ${title} to decide, not ${seat.title}`;
  }
  if (seat.role === 'player' && seat.commands.includes(type)) return null;
  if (type.startsWith('inject.')) return 'only the facilitator fires, holds or skips injects';
  return `${seat.title} cannot send "${type || 'a command without a type'}"${seat.commands.length ? `; this seat may send ${seat.commands.join(', ')}` : ''}`;
}

/** The command as the log keeps it: a decision or note signed with the seat and the person. */
export function signed(command: AnyCommand, seat: SeatSpec, name: string): Record<string, unknown> {
  const who = name && name !== seat.title ? `${seat.title} (${name})` : seat.title;
  if (command.type === 'decision.take') return { ...command, by: who };
  if (command.type === 'note.add') return { ...command, author: who };
  return { ...command };
}
