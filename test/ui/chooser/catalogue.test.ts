import { describe, expect, it } from 'vitest';
import { catalogueEntry, loadCatalogue } from '../../../src/ui/chooser/catalogue';

describe('scenario catalogue', () => {
  it('lists every shipped scenario with title, place and audience, the default first', async () => {
    const all = await loadCatalogue();
    expect(all[0]!.name).toBe('default');
    const lev = all.find((e) => e.name === 'levenshulme');
    expect(lev).toMatchObject({ place: 'Levenshulme, Manchester, United Kingdom', audience: ['briefer', 'facilitator', 'student'] });
    expect(lev!.title).toMatch(/^Levenshulme/);
    expect(all.find((e) => e.name === 'default')!.place).toBe('Riverford (a generated city)');
    expect(all.find((e) => e.name === 'net1-oldsmar')!.place).toBe('the water network in Net1.inp (no city)');
    expect(all.every((e) => e.title.length > 0 && e.summary.length > 0)).toBe(true);
  });

  it('still lists a file that does not parse, by its name', () => {
    expect(catalogueEntry('broken', '{ nope')).toEqual({ name: 'broken', title: 'broken', summary: '', audience: [], place: 'a generated city' });
  });
});
