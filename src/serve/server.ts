/**
 * `twin serve`: one HTTP server on one port that serves the built app and hosts exercises over a
 * WebSocket at /hosted on the same origin, so a laptop on a LAN with no internet can run a room.
 * Sessions are read back from the data folder at start, each resuming where it was.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hub } from './hub';
import { diskStore, readSessions } from './session-disk';
import { HostedSession, type ScenarioInfo, type SessionStore } from './session';
import { staticFiles } from './static-files';

export interface ServeOptions {
  readonly port: number;
  /** Address to listen on: 0.0.0.0 (default) for the LAN, 127.0.0.1 for this machine only. */
  readonly host?: string;
  readonly distDir: string;
  readonly dataDir: string;
  scenarioInfo(name: string, seed: number | undefined): ScenarioInfo | string;
  log(line: string): void;
}

export interface RunningServer {
  readonly port: number;
  readonly sessions: ReadonlyMap<string, HostedSession>;
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const now = () => performance.now();
  const stores = new Map<string, SessionStore>();
  const storeFor = (id: string) => {
    let s = stores.get(id);
    if (!s) stores.set(id, (s = diskStore(o.dataDir, id)));
    return s;
  };
  const sessions = new Map<string, HostedSession>();
  for (const stored of readSessions(o.dataDir, o.log)) {
    const info = o.scenarioInfo(stored.meta.scenario, stored.meta.seed);
    if (typeof info === 'string') {
      o.log(`session ${stored.meta.id} is left out: ${info}`);
      continue;
    }
    sessions.set(stored.meta.id, new HostedSession(stored.meta, info, stored.log, stored.clock, storeFor(stored.meta.id), now()));
    o.log(
      `session ${stored.meta.id} resumed on ${stored.meta.scenario}: ${stored.log.length} commands, clock at ${Math.round((stored.clock?.grantedMs ?? 0) / 1000)} s`,
    );
  }
  const files = staticFiles(o.distDir);
  const server: Server = createServer((req, res) => files(req, res));
  const hub = new Hub(server, { sessions, scenarioInfo: o.scenarioInfo, storeFor, now, log: o.log });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(o.port, o.host ?? '0.0.0.0', () => ok());
  });
  return {
    port: (server.address() as AddressInfo).port,
    sessions,
    close: () =>
      new Promise((ok) => {
        hub.close();
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
