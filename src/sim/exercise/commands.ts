/** The facilitator's and players' commands: fire, hold, release or skip injects; pressure injects; decisions; notes. */
import type { Command, EventBus, EventId, SimMs } from '../core';
import type { DecisionBoard } from './decisions';
import type { InjectPlayer } from './injects';

export type ExerciseCommand = Extract<Command, { type: `inject.${string}` | `decision.${string}` | 'note.add' }>;

export function applyExerciseCommand(
  c: ExerciseCommand,
  cause: EventId,
  ctx: { injects: InjectPlayer; decisions: DecisionBoard; bus: EventBus; nowMs: SimMs },
): void {
  switch (c.type) {
    case 'inject.fire':
      ctx.injects.fire(c.inject, true, [cause]);
      return;
    case 'inject.hold':
      ctx.injects.hold(c.inject, cause);
      return;
    case 'inject.release':
      ctx.injects.release(c.inject, cause, ctx.nowMs);
      return;
    case 'inject.skip':
      ctx.injects.skip(c.inject, cause);
      return;
    case 'inject.pressure':
      ctx.bus.emit('inject.pressure', null, { title: c.title, text: c.text ?? '' }, [cause]);
      return;
    case 'decision.open':
      ctx.decisions.open(c.decision, [cause]);
      return;
    case 'decision.take':
      ctx.decisions.take(c.decision, c.option, c.by ?? '', c.rationale ?? '', cause);
      return;
    case 'note.add':
      ctx.bus.emit('note.added', null, { text: c.text, author: c.author ?? '', kind: c.kind ?? 'note', expected: c.expected ?? null, met: c.met ?? null }, [
        cause,
      ]);
      return;
    default: {
      const never: never = c;
      return never;
    }
  }
}
