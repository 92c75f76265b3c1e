import { describe, expect, it } from 'vitest';
import type { TwinClient } from '../../../src/worker/client';
import { prepareChoice, scenarioHref } from '../../../src/ui/chooser/own-open';

/** A client that records what it is handed. */
function fakeClient(): { client: TwinClient; registered: string[] } {
  const registered: string[] = [];
  const client = { registerOwn: (name: string) => void registered.push(name) } as unknown as TwinClient;
  return { client, registered };
}

describe('own scenarios at start-up', () => {
  it('leaves a shipped scenario alone', async () => {
    const { client, registered } = fakeClient();
    const choice = { scenario: 'levenshulme', seed: undefined, issues: [] };
    expect(await prepareChoice(client, choice)).toBe(choice);
    expect(registered).toEqual([]);
  });

  it('explains an own: address this browser keeps nothing under (here: no IndexedDB at all)', async () => {
    const { client, registered } = fakeClient();
    const r = await prepareChoice(client, { scenario: 'own:abc123', seed: 3, issues: [] });
    expect(registered).toEqual([]);
    expect(r.seed).toBe(3);
    expect(r.issues).toEqual([
      expect.objectContaining({
        path: 'scenario (page address)',
        message: 'this browser keeps no scenario opened as "own:abc123"',
        hint: expect.stringMatching(/Open your own…/),
      }),
    ]);
  });

  it('writes addresses with a readable own: prefix', () => {
    expect(scenarioHref('own:0f000f648e')).toBe('?scenario=own:0f000f648e');
    expect(scenarioHref('net1-oldsmar')).toBe('?scenario=net1-oldsmar');
    expect(scenarioHref('a b&c')).toBe('?scenario=a%20b%26c');
  });
});
