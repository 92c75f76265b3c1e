/**
 * A live command naming ids the loaded world does not have is refused with those ids named,
 * instead of running as a silent no-op: vendors, assets (and selectors), zones, datasets,
 * injects, decisions and their options, grid lines.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/cli/files';
import { createSimulation, type Command } from '../../src/sim';
import { knownIdsOf, refusalText, unknownRefs } from '../../src/worker/command-refs';

const loaded = loadScenarioFile(resolve(__dirname, '../../scenarios/default.json'));
if (!loaded.ok) throw new Error('default scenario does not load');
const { input } = loaded;
const known = knownIdsOf(input);
const ids = (c: Command) => unknownRefs(c, known).map((r) => `${r.kind}:${r.id}@${r.path}`);

describe('command references', () => {
  it('names a ban of an unknown vendor by an unknown replacement', () => {
    const ban: Command = { type: 'policy.vendor.ban', vendor: 'nope', replacement: 'nope2' };
    expect(ids(ban)).toEqual(['vendor:nope@vendor', 'vendor:nope2@replacement']);
    expect(refusalText(ban, unknownRefs(ban, known))).toMatch(/^Nothing done: vendor “nope” and vendor “nope2” are not in this scenario \(ban nope/);
  });

  it('accepts every id the world has, taken from the world itself', () => {
    const vendor = input.vendors[0]!.id;
    const asset = input.assets.find((a) => a.kind === 'camera')!;
    const zone = input.cyber!.comms.zones[0]!;
    const dataset = input.cyber!.cctv.datasets[0]!.id;
    const decision = input.decisions![0]!;
    const ok: Command[] = [
      { type: 'policy.vendor.ban', vendor, replacement: null, kinds: [asset.kind] },
      { type: 'asset.disable', targets: { ids: [asset.id], vendor: asset.vendor ?? undefined, kind: asset.kind } },
      { type: 'comms.isolate', zone, isolated: true },
      { type: 'threat.exfiltrate', datasets: [dataset], destination: 'Calderra' },
      { type: 'inject.fire', inject: input.injects[0]!.id },
      { type: 'decision.take', decision: decision.id, option: decision.options[0]!.id },
      { type: 'power.breaker', action: 'open', branches: [input.power!.branchIds[0]!] },
      { type: 'privacy.anonymise', dataset: 'wifi', k: 5 },
      { type: 'note.add', text: 'anything at all' },
    ];
    for (const c of ok) expect(ids(c), c.type).toEqual([]);
  });

  it('names unknown assets, zones, datasets, injects, decisions and options where they sit in the command', () => {
    const decision = input.decisions![0]!;
    expect(ids({ type: 'asset.disable', targets: { ids: [input.assets[0]!.id, 'camera-999'], district: 'atlantis' } })).toEqual([
      'asset:camera-999@targets.ids[1]',
      'district:atlantis@targets.district',
    ]);
    expect(ids({ type: 'comms.isolate', zone: 'scada2', isolated: true })).toEqual(['zone:scada2@zone']);
    expect(ids({ type: 'threat.exfiltrate', datasets: ['nobody-holds-this'], destination: 'X' })).toEqual(['dataset:nobody-holds-this@datasets[0]']);
    expect(ids({ type: 'inject.skip', inject: 'no-such-inject' })).toEqual(['inject:no-such-inject@inject']);
    expect(ids({ type: 'decision.take', decision: decision.id, option: 'shrug' })).toEqual(['option:shrug@option']);
    expect(ids({ type: 'decision.open', decision: 'nope' })).toEqual(['decision:nope@decision']);
    expect(ids({ type: 'traffic.emergency.dispatch', from: 'hospital', to: 'nowhere' })).toEqual(['asset:nowhere@to']);
    expect(ids({ type: 'power.crew.dispatch', substations: ['substation-atlantis'] })).toEqual(['asset:substation-atlantis@substations[0]']);
  });

  it('knows the datasets a ban adds during the run', () => {
    // Kestrel's cameras replaced by Meridian's send their data to Meridian's cloud: a dataset the scenario did not have.
    const sim = createSimulation(input, {
      seed: 42,
      commands: [{ tMs: 0, command: { type: 'policy.vendor.ban', vendor: 'kestrel', kinds: ['camera'], replacement: 'meridian', crews: 8 } }],
    });
    sim.runUntil(2 * 3_600_000);
    const scenarioIds = new Set(input.cyber!.cctv.datasets.map((d) => d.id));
    const added = sim.cyber!.cctv.input.datasets.map((d) => d.id).filter((id) => !scenarioIds.has(id));
    expect(added.length).toBeGreaterThan(0);
    const steal: Command = { type: 'threat.exfiltrate', datasets: added, destination: 'Calderra' };
    expect(unknownRefs(steal, knownIdsOf(input, sim.cyber!.cctv.input.datasets))).toEqual([]);
    expect(unknownRefs(steal, knownIdsOf(input)).map((r) => r.id)).toEqual(added);
  });
});
