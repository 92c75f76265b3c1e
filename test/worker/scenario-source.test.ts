import { describe, expect, it } from 'vitest';
import { dataReader, fetchDataFiles, resolveDataPath, scenarioNames } from '../../src/worker/scenario-source';

describe('scenario-source', () => {
  it('resolves data paths inside scenarios/ and assets/ only', () => {
    expect(resolveDataPath('net/a.inp')).toBe('scenarios/net/a.inp');
    expect(resolveDataPath('../assets/osm/levenshulme/levenshulme.osm')).toBe('assets/osm/levenshulme/levenshulme.osm');
    expect(resolveDataPath('./x/../y.m')).toBe('scenarios/y.m');
    expect(resolveDataPath('../src/sim/index.ts')).toBeNull();
    expect(resolveDataPath('../../etc/passwd')).toBeNull();
    expect(resolveDataPath('..')).toBeNull();
    expect(resolveDataPath('')).toBeNull();
  });

  it('reads a shipped scenario’s file from assets/ once it is fetched', async () => {
    expect(scenarioNames()).toContain('net1-oldsmar');
    const first = dataReader();
    expect(first.readFile('../assets/water/net1/Net1.inp')).toBeNull();
    expect([...first.missing]).toEqual(['assets/water/net1/Net1.inp']);
    expect(await fetchDataFiles(first.missing)).toBe(true);
    const again = dataReader();
    expect(again.readFile('../assets/water/net1/Net1.inp')).toMatch(/\[JUNCTIONS\]/);
    // A file outside both folders is never asked for.
    const outside = dataReader();
    expect(outside.readFile('../package.json')).toBeNull();
    expect(outside.missing.size).toBe(0);
  });
});
