import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { makeSession, parseSession } from '../../src/scenario';
import { shippedAsIs } from '../support/scenarios';
import { createSimulation, type Command } from '../../src/sim';

const tmp = mkdtempSync(join(tmpdir(), 'twin-report-'));
const session = makeSession({
  scenarioName: 'default',
  seed: 42,
  untilMs: 2 * 3_600_000,
  commands: [
    {
      tMs: 900_000,
      command: {
        type: 'decision.take',
        decision: 'restore-or-isolate',
        option: 'isolate-then-crews',
        by: 'Control room',
        rationale: 'Attacker <script>alert(1)</script> still inside',
      },
    },
    {
      tMs: 1_200_000,
      command: {
        type: 'note.add',
        text: 'Hospital warned by phone',
        author: 'Evaluator',
        kind: 'evaluation',
        expected: 'vendor-compromise/warn-hospital',
        met: true,
      },
    },
  ],
});

describe('twin report', () => {
  const file = join(tmp, 'session.json');
  writeFileSync(file, JSON.stringify(session));

  it('rebuilds a session and writes a self-contained HTML after-action report with the decisions and their effects', () => {
    const out = join(tmp, 'report.html');
    const r = cli(['report', file, '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Cut Aurora&#39;s access, then re-close the breakers from the control room');
    expect(html).toContain('decided by Control room');
    // Scenario and player text is escaped, and nothing is loaded from anywhere.
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/(src|href)=["']https?:/);
    expect(html).toMatch(/Why the main effects happened/);
    expect(html).toMatch(/<svg /);
  });

  it('scores expected actions, counting the commands of the decision taken', () => {
    const r = cli(['report', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep.evaluation.score).toBe(1);
    expect(rep.evaluation.results.map((x: { action: string; how: string }) => `${x.action}:${x.how}`)).toEqual([
      'cut-access:command',
      'send-crews:command',
      'warn-hospital:evaluator',
    ]);
    expect(rep.timeline.some((t: { kind: string; caused: number }) => t.kind === 'decision' && t.caused > 10)).toBe(true);
  });

  it('gives the same run hash as the live run the session came from', () => {
    const live = createSimulation(shippedAsIs('default'), { seed: 42 });
    for (const c of session.commands) {
      live.runUntil(c.tMs);
      live.apply(c.command as Command);
    }
    live.runUntil(session.untilMs);
    const rep = JSON.parse(cli(['report', file, '--format', 'json']).out);
    expect(rep.run.hash).toBe(live.hash());
  });

  it('writes Markdown too, and rejects a broken session with a path and a hint', () => {
    expect(cli(['report', file, '--format', 'md']).out).toMatch(/^# After-action report/);
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...session, seed: -1, commands: [{ tMs: 5, command: { type: 'nope' } }] }));
    const r = cli(['report', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/seed: must be at least 0/);
    expect(r.err).toMatch(/commands\[0\]\.command\.type/);
    expect(parseSession('{').ok).toBe(false);
  });
});
