/** The inspector's water line for a consumer: its badge and its time left never contradict each other. */
import { describe, expect, it } from 'vitest';
import { consumerWater } from '../../../src/ui/water/water-style';

describe('consumerWater', () => {
  it('a hospital with no mains water but storage left is running on storage, not down', () => {
    const w = consumerWater(0, 45, 30 * 60);
    expect(w.status).toBe('degraded');
    expect(w.time).toBe('30 min on its own storage');
  });

  it('once its storage is spent it has no water now, not "under a minute" left', () => {
    const w = consumerWater(0, 45, 0);
    expect(w.status).toBe('down');
    expect(w.time).toBe('now: no water (its storage is spent)');
    expect(w.time).not.toContain('under a minute');
  });

  it('a neighbourhood without storage and without water has none now', () => {
    expect(consumerWater(0.05, 0, 0)).toMatchObject({ status: 'down', time: 'now: no water' });
  });

  it('a served consumer shows the time before its supply runs down', () => {
    expect(consumerWater(1, 0, Infinity)).toMatchObject({ status: 'ok', time: 'not running down' });
    expect(consumerWater(0.5, 45, 2 * 3600 + 5 * 60)).toMatchObject({ status: 'degraded', time: '2 h 05 min' });
  });
});
