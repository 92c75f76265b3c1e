/** Small hand-built worlds: assets, dependency edges and an input with an empty city, for tests of the core and of one subsystem. */
import {
  assetId,
  edgeId,
  Engine,
  World,
  type AssetSpec,
  type EdgeSpec,
  type EventId,
  type SimInput,
  type InjectSpec,
  type EdgeKind,
  type Resource,
} from '../../src/sim';

export function asset(id: string, extra: Partial<AssetSpec> = {}): AssetSpec {
  return {
    id: assetId(id),
    kind: 'thing',
    subsystem: 'civic',
    name: id,
    position: [0, 0],
    vendor: null,
    remoteAccess: false,
    district: null,
    population: 0,
    critical: false,
    ...extra,
  };
}

export function edge(
  from: string,
  to: string,
  o: { bufferMin?: number; effect?: 'down' | 'degraded'; group?: string; resource?: Resource; kind?: EdgeKind } = {},
): EdgeSpec {
  return {
    id: edgeId(`${to}<-${from}${o.group ? `@${o.group}` : ''}`),
    from: assetId(from),
    to: assetId(to),
    kind: o.kind ?? 'physical',
    resource: o.resource ?? 'power',
    bufferMs: (o.bufferMin ?? 0) * 60_000,
    effect: o.effect ?? 'down',
    group: o.group ?? null,
    note: null,
  };
}

export function input(assets: AssetSpec[], edges: EdgeSpec[], injects: InjectSpec[] = []): SimInput {
  return {
    id: 'test',
    title: 'test',
    seed: 1,
    durationMs: 86_400_000,
    city: {
      name: 't',
      sizeM: [1000, 1000],
      districts: [],
      roads: [],
      water: [],
      attribution: null,
      buildings: {
        count: 0,
        x: new Float32Array(),
        z: new Float32Array(),
        w: new Float32Array(),
        d: new Float32Array(),
        h: new Float32Array(),
        district: new Uint16Array(),
        use: new Uint8Array(),
      },
    },
    vendors: [],
    assets,
    edges,
    injects,
  };
}

/**
 * A World of plain assets on a bare Engine (1 s ticks), so the clock and timers are the real ones:
 * `cause()` logs a command to stand as the cause of what a test does, `i(id)` is an asset's index.
 */
export function worldRig(ids: readonly string[], edges: EdgeSpec[]) {
  const engine = new Engine(1, 1000);
  const world = new World(
    ids.map((a) => asset(a)),
    edges,
    engine.bus,
    engine.scheduler,
    () => engine.nowMs,
  );
  const cause = (): EventId => engine.bus.emit('command.applied', null, { command: 'test', actor: 'operator' }).id;
  return { engine, world, cause, i: (id: string) => world.indexOf(id) };
}
