/**
 * Connects the worker client to the page's stores: a load fills the world, each frame updates the
 * fast path at once and the zustand summaries a few times a second. Also the user actions that
 * talk to the worker (play, speed, fire an inject, ask why), so panels stay free of protocol code.
 */
import type { CausalChain, SimEvent } from '../../sim';
import { eventText } from '../panels/event-text';
import { statusName } from '../palette';
import type { TwinClient } from '../../worker/client';
import { mergePoints, type Point } from '../store/kpi-history';
import { live, pushSnapshot, setLiveWorld } from '../store/live';
import { EVENT_LOG_CAP, uiStore, type UiState } from '../store/ui-store';
import { buildWorldIndex } from '../store/world-index';
import { listenForCoverage } from '../cyber/coverage-store';
import type { UrlChoice } from './url-params';
import { refusalText } from '../../worker/command-refs';
import { toast } from '../exercise/exercise-store';

/** How often run summaries reach React, in ms. Frames themselves arrive about every 40 ms. */
const SUMMARY_INTERVAL_MS = 200;

let client: TwinClient | null = null;

/** `load: false` when something else (a hosted exercise) says what to load. */
export function startSession(c: TwinClient, choice: UrlChoice, options: { load?: boolean } = {}): void {
  client = c;
  uiStore.setState({ scenarioName: choice.scenario });
  let pendingEvents: SimEvent[] = [];
  let history: Record<string, Point[]> = {};
  let latest: Partial<UiState> = {};
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    const s = uiStore.getState();
    const fired = new Set(s.firedInjects);
    for (const e of pendingEvents) if (e.type === 'inject.applied') fired.add(e.data.inject);
    const events = pendingEvents.length > 0 ? s.events.concat(pendingEvents).slice(-EVENT_LOG_CAP) : s.events;
    uiStore.setState({
      ...latest,
      events,
      eventTotal: s.eventTotal + pendingEvents.length,
      firedInjects: fired.size !== s.firedInjects.length ? [...fired] : s.firedInjects,
      kpiHistory: { ...history },
    });
    pendingEvents = [];
  };

  c.on('loaded', (msg) => {
    const index = buildWorldIndex(msg.world);
    history = {};
    pendingEvents = [];
    setLiveWorld(index);
    uiStore.setState({
      phase: 'ready',
      world: msg.world,
      index,
      loadMs: msg.loadMs,
      // The run's first frame follows once what takes longer (the residents' history) is ready.
      preparing: { part: '', fraction: 0 },
      issues: [],
      events: [],
      eventTotal: 0,
      firedInjects: [],
      kpiHistory: {},
      selected: null,
      selectedFeature: null,
      chain: null,
    });
  });
  listenForCoverage(c);
  // Whatever sent it (a panel, the console, the test hooks): a command naming unknown ids did nothing, and says so.
  c.on('command-result', (msg) => {
    if (msg.refused.length > 0) toast(refusalText(msg.command, msg.refused), 'warning');
  });
  c.on('load-error', (msg) => uiStore.setState({ phase: 'load-error', issues: msg.issues, preparing: null }));
  c.on('fatal', (msg) => uiStore.setState({ phase: 'fatal', fatal: msg.message, preparing: null }));
  // A seek back, branch or restore rebuilds the run from the start: its frames resend every event and KPI point.
  c.on('rewound', () => {
    pendingEvents = [];
    history = {};
    if (timer) clearTimeout(timer);
    timer = null;
    uiStore.setState({ events: [], eventTotal: 0, firedInjects: [], kpiHistory: {}, chain: null });
  });
  c.on('preparing', (msg) => uiStore.setState({ preparing: { part: msg.part, fraction: msg.fraction } }));
  c.on('frame', (msg) => {
    if (uiStore.getState().preparing) uiStore.setState({ preparing: null });
    pushSnapshot(msg.snapshot);
    pendingEvents.push(...msg.events);
    for (const [id, pts] of Object.entries(msg.kpiPoints)) history[id] = mergePoints(history[id] ?? [], pts);
    latest = { clockMs: msg.snapshot.tMs, kpis: msg.snapshot.kpis, playing: msg.playing, speed: msg.speed, achievedSpeed: msg.achievedSpeed };
    // The first frame after a load goes straight through, so the page shows real values at once.
    if (uiStore.getState().clockMs === 0 && Object.keys(uiStore.getState().kpis).length === 0) flush();
    else if (!timer) timer = setTimeout(flush, SUMMARY_INTERVAL_MS);
  });

  if (choice.issues.length > 0) {
    uiStore.setState({ phase: 'load-error', issues: choice.issues });
    return;
  }
  if (options.load === false) return;
  c.setSpeed(uiStore.getState().speed);
  c.load(choice.scenario, choice.seed);
}

/** The running client, or null before the session starts. */
export function twinClient(): TwinClient | null {
  return client;
}

function need(): TwinClient {
  if (!client) throw new Error('the simulation has not started');
  return client;
}

export function play(): void {
  uiStore.setState({ playing: true });
  need().play();
}

export function pause(): void {
  uiStore.setState({ playing: false });
  need().pause();
}

export function setSpeed(factor: number): void {
  uiStore.setState({ speed: factor });
  need().setSpeed(factor);
}

export function skipAhead(ms: number): void {
  need().step(ms);
}

export function fireInject(injectId: string): void {
  need().command({ type: 'inject.fire', inject: injectId });
}

async function showChain(title: string, ask: () => Promise<CausalChain | null>): Promise<void> {
  uiStore.setState({ chain: { title, loading: true, chain: null, error: null } });
  try {
    const chain = await ask();
    if (uiStore.getState().chain?.title !== title) return;
    uiStore.setState({ chain: { title, loading: false, chain, error: null } });
  } catch (err) {
    uiStore.setState({ chain: { title, loading: false, chain: null, error: err instanceof Error ? err.message : String(err) } });
  }
}

/** Opens the causal chain behind an asset's present status. */
export function askWhy(assetId: string): Promise<void> {
  const s = uiStore.getState();
  const name = s.index?.nameOf(assetId) ?? assetId;
  const i = s.index?.assetIndex.get(assetId);
  const status = i !== undefined ? statusName(live.snapshot?.status[i]) : null;
  const what = status === 'down' ? 'down' : status === 'degraded' ? 'degraded' : 'in its present state';
  return showChain(`Why is ${name} ${what}?`, () => need().why(assetId));
}

/** Opens the causal chain that led to one event. */
export function askExplain(event: SimEvent): Promise<void> {
  return showChain(`What led to: ${eventText(event, uiStore.getState().index)}`, () => need().explain(event.id));
}
