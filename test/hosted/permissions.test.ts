/** Who may send what at a hosted exercise, and how the host signs decisions and notes. */
import { describe, expect, it } from 'vitest';
import { refusal, signed } from '../../src/hosted/permissions';
import { DEFAULT_SEATS } from '../../src/scenario/seats';

const seat = (id: string) => DEFAULT_SEATS.find((s) => s.id === id)!;
const decisions = [
  { id: 'restore', title: 'Re-close the breakers?', seat: 'grid' },
  { id: 'statement', title: 'Say something to the press?', seat: null },
];

describe('hosted permissions', () => {
  it('lets the facilitator send anything and a player only its own decisions, notes and listed commands', () => {
    expect(refusal(seat('facilitator'), { type: 'inject.fire', inject: 'x' }, decisions, DEFAULT_SEATS)).toBeNull();
    expect(refusal(seat('grid'), { type: 'decision.take', decision: 'restore', option: 'a' }, decisions, DEFAULT_SEATS)).toBeNull();
    expect(refusal(seat('grid'), { type: 'power.breaker', action: 'close' }, decisions, DEFAULT_SEATS)).toBeNull();
    expect(refusal(seat('water'), { type: 'note.add', text: 'pressure low' }, decisions, DEFAULT_SEATS)).toBeNull();
    expect(refusal(seat('observer'), { type: 'note.add', text: 'good call', kind: 'evaluation' }, decisions, DEFAULT_SEATS)).toBeNull();
  });

  it('refuses with a reason a person can act on', () => {
    expect(refusal(seat('water'), { type: 'decision.take', decision: 'restore', option: 'a' }, decisions, DEFAULT_SEATS)).toBe(
      '"Re-close the breakers?" is for Grid team to decide, not Water team',
    );
    // A decision addressed to no seat is the facilitator's.
    expect(refusal(seat('grid'), { type: 'decision.take', decision: 'statement', option: 'a' }, decisions, DEFAULT_SEATS)).toMatch(/for Facilitator to decide/);
    expect(refusal(seat('grid'), { type: 'inject.fire', inject: 'x' }, decisions, DEFAULT_SEATS)).toBe('only the facilitator fires, holds or skips injects');
    expect(refusal(seat('observer'), { type: 'power.breaker', action: 'open' }, decisions, DEFAULT_SEATS)).toMatch(/Observer cannot send "power.breaker"/);
    expect(refusal(seat('grid'), { type: 'decision.take', decision: 'nope', option: 'a' }, decisions, DEFAULT_SEATS)).toBe('there is no decision "nope"');
  });

  it('signs a decision and a note with the seat and the person, whatever the page claimed', () => {
    expect(signed({ type: 'decision.take', decision: 'restore', option: 'a', by: 'the CEO' }, seat('grid'), 'Ana')).toMatchObject({ by: 'Grid team (Ana)' });
    expect(signed({ type: 'note.add', text: 'x', author: 'someone' }, seat('observer'), 'Observer')).toMatchObject({ author: 'Observer' });
  });
});
