import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, HOUR } from '../../src/sim';
import { formatIssue, loadScenarioText } from '../../src/scenario';

describe('the README', () => {
  it('shows a scenario example that loads and runs as described', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const json = /## Writing a scenario[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const r = loadScenarioText(json);
    expect(r.ok ? 'ok' : r.issues.map(formatIssue).join('\n')).toBe('ok');
    if (!r.ok) return;
    const sim = createSimulation(r.input);
    sim.runUntil(2 * HOUR);
    // Acme's pumps are stopped at 15 min; the field hospital's 30 min bowser then runs dry.
    expect(sim.world.statusOf('pumping-station-old-town')).toBe('down');
    expect(sim.world.statusOf('field-hospital')).toBe('down');
    expect(sim.whyStatus('field-hospital')!.roots[0]!.type).toBe('inject.applied');
  });
});
