/**
 * The page's typed handle on the simulation worker: fire-and-forget controls, requests answered
 * through promises keyed by reqId, and subscriptions to what the worker sends (frames, loads,
 * errors). It holds no React and no three, so tests and the CLI-free harness can use it directly.
 */
import type { Command, LoggedCommand } from '../sim';
import type { FromWorker, ReplyOf, RequestMessage, RequestType, ToWorker } from './protocol';
import type { PrivacyWhatIf } from './privacy-query';
import type { UnknownRef } from './command-refs';
import type { OwnFiles } from './own-scenarios';

/** What became of a live command: refused when it names ids the loaded world does not have. */
export interface CommandOutcome {
  readonly applied: boolean;
  readonly refused: readonly UnknownRef[];
}

/**
 * Who owns the controls while the page is a seat at a hosted exercise: play, pause, speed, jumps
 * and commands go to the host (which orders them for every seat) instead of this page's worker.
 */
export interface RemoteControls {
  clock(action: 'play' | 'pause'): void;
  speed(factor: number): void;
  jump(ms: number): void;
  /** A jump to a simulated time: forward only, on a shared timeline. */
  seekTo(tMs: number): void;
  command(c: Command): Promise<CommandOutcome>;
  /** Something a shared run cannot do for one seat alone (go back in time, load a session file). */
  refuse(what: string): void;
}

/** The part of a Worker the client uses; a MessagePort or a fake works too. */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (ev: ErrorEvent) => void): void;
}

type MessageType = FromWorker['type'];
type MessageOf<K extends MessageType> = Extract<FromWorker, { type: K }>;
type Listener<K extends MessageType> = (msg: MessageOf<K>) => void;
type RequestBody<K extends RequestType> = Omit<Extract<RequestMessage, { type: K }>, 'reqId' | 'type'>;

/** A request the worker could not answer; the message is meant for people. */
export class TwinRequestError extends Error {}

export class TwinClient {
  private nextReq = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Map<MessageType, Set<(msg: FromWorker) => void>>();
  private nextCommand = 1;
  private readonly commands = new Map<number, (o: CommandOutcome) => void>();
  private remote: RemoteControls | null = null;

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (ev) => this.receive(ev.data));
    worker.addEventListener('error', (ev) => {
      ev.preventDefault?.();
      this.receive({ type: 'fatal', message: ev.message || 'the simulation worker could not start' });
    });
  }

  on<K extends MessageType>(type: K, fn: Listener<K>): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    const f = fn as (msg: FromWorker) => void;
    set.add(f);
    return () => void set.delete(f);
  }

  load(scenario: string, seed?: number): void {
    this.send(seed === undefined ? { type: 'load', scenario } : { type: 'load', scenario, seed });
  }

  loadText(scenario: string, text: string, seed?: number): void {
    this.send(seed === undefined ? { type: 'load', scenario, text } : { type: 'load', scenario, text, seed });
  }

  /** Hands the worker a scenario the user opened, so loads by its name ("own:ID") find its text and files. */
  registerOwn(scenario: string, text: string, files: OwnFiles): void {
    this.send({ type: 'own-files', scenario, text, files });
  }

  /** Checks files the user chose, as `twin validate` (or `twin import osm` for an extract alone) would. */
  checkOwn(files: OwnFiles): Promise<ReplyOf['checkOwn']> {
    return this.request('checkOwn', { files });
  }

  play(): void {
    this.send({ type: 'play' });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  setSpeed(factor: number): void {
    this.send({ type: 'speed', factor });
  }

  /** Hands the controls to a hosted exercise (null: back to this page). */
  setRemote(remote: RemoteControls | null): void {
    this.remote = remote;
  }

  get isRemote(): boolean {
    return this.remote !== null;
  }

  /** Sends a live command; settles with whether the worker applied it (never rejects). */
  command(command: Command): Promise<CommandOutcome> {
    if (this.remote) return this.remote.command(command);
    const seq = this.nextCommand++;
    return new Promise((resolve) => {
      this.commands.set(seq, resolve);
      this.send({ type: 'command', command, seq });
    });
  }

  /** Skips ahead by `ms` of simulated time as fast as the worker can. */
  step(ms: number): void {
    this.send({ type: 'step', ms });
  }

  explain(eventId: string): Promise<ReplyOf['explain']> {
    return this.request('explain', { eventId });
  }

  why(assetId: string): Promise<ReplyOf['why']> {
    return this.request('why', { assetId });
  }

  edgeBuffers(assetId: string): Promise<ReplyOf['edgeBuffers']> {
    return this.request('edgeBuffers', { assetId });
  }

  vehicle(slot: number): Promise<ReplyOf['vehicle']> {
    return this.request('vehicle', { slot });
  }

  /** A signal controller's stages and what each movement shows, by the controller's asset id. */
  signal(assetId: string): Promise<ReplyOf['signal']> {
    return this.request('signal', { assetId });
  }

  /** What the attacker can learn from what it holds (or from a what-if); null without a population. */
  privacy(whatIf?: PrivacyWhatIf): Promise<ReplyOf['privacy']> {
    return this.request('privacy', whatIf ? { whatIf } : {});
  }

  /** Hash of a fresh run of the loaded scenario and seed (plus commands) at `untilMs`. */
  hashAt(untilMs: number, commands?: readonly LoggedCommand[]): Promise<ReplyOf['hashAt']> {
    return this.request('hashAt', commands ? { untilMs, commands } : { untilMs });
  }

  /** Hash of the run where it is now (a hosted seat compares it with the other seats'). */
  hashNow(): Promise<ReplyOf['hashNow']> {
    return this.request('hashNow', {});
  }

  private request<K extends RequestType>(type: K, body: RequestBody<K>): Promise<ReplyOf[K]> {
    const reqId = this.nextReq++;
    return new Promise<ReplyOf[K]>((resolve, reject) => {
      this.pending.set(reqId, { resolve: resolve as (v: unknown) => void, reject });
      this.send({ type, reqId, ...body } as unknown as ToWorker);
    });
  }

  /** Sends any message (the exercise messages have no typed wrapper here: see src/ui/exercise). */
  send(msg: ToWorker): void {
    if (this.remote && this.routeRemote(this.remote, msg)) return;
    this.worker.postMessage(msg);
  }

  /** Sends straight to this page's worker, past a hosted exercise's routing (the seat's own follow messages). */
  sendLocal(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  /** True when a hosted exercise took the message. */
  private routeRemote(r: RemoteControls, msg: ToWorker): boolean {
    switch (msg.type) {
      case 'play':
      case 'pause':
        r.clock(msg.type);
        return true;
      case 'speed':
        r.speed(msg.factor);
        return true;
      case 'step':
        r.jump(msg.ms);
        return true;
      case 'command':
        void r.command(msg.command);
        return true;
      case 'seek':
        r.seekTo(msg.tMs);
        return true;
      case 'branch':
        r.refuse('branching the run');
        return true;
      case 'session-import':
        r.refuse('opening a session file');
        return true;
      default:
        return false;
    }
  }

  private receive(msg: FromWorker): void {
    if (msg.type === 'reply' || msg.type === 'reply-error') {
      const p = this.pending.get(msg.reqId);
      if (!p) return;
      this.pending.delete(msg.reqId);
      if (msg.type === 'reply') p.resolve(msg.result);
      else p.reject(new TwinRequestError(msg.message));
    } else if (msg.type === 'command-result') {
      const done = msg.seq === null ? undefined : this.commands.get(msg.seq);
      if (done) {
        this.commands.delete(msg.seq!);
        done({ applied: msg.applied, refused: msg.refused });
      }
    } else if (msg.type === 'fatal') {
      for (const p of this.pending.values()) p.reject(new TwinRequestError(msg.message));
      this.pending.clear();
      for (const done of this.commands.values()) done({ applied: false, refused: [] });
      this.commands.clear();
    }
    for (const fn of this.listeners.get(msg.type) ?? []) fn(msg);
  }
}

/** Starts the module worker. Kept apart so tests can build a client around a fake. */
export function startSimWorker(): TwinClient {
  const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module', name: 'citytwin-sim' });
  return new TwinClient(worker);
}
