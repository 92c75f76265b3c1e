/**
 * The traffic layer's parts of the side panels: a signal controller's section in its asset
 * inspector (plan, the mode its power and control link leave it in, its stages and what each
 * movement — approach and turn — shows now: protected green, green but give way, amber, red), the
 * inspector for a clicked vehicle (what it is and why it is waiting), and the legend (with the
 * signal lamps' shapes, so their phase never rests on colour alone).
 */
import { useEffect, useState } from 'react';
import type { SignalInfo, TrafficView, VehicleInfo } from '../../worker/protocol';
import { twinClient } from '../app/session';
import { live } from '../store/live';
import { selectFeature, useUi } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';
import './traffic.css';
import {
  ASPECT,
  ASPECT_COLOR,
  CONGESTION_BANDS,
  LAMP_BOARD_COLOR,
  LAMP_YIELD_COLOR,
  MODE_LABEL,
  TRAFFIC_LAYER,
  VEHICLE_COLOR,
  WAIT_LET_IN,
  unpackSignal,
  waitLabel,
} from './traffic-style';

function Dot({ color, square }: { color: string; square?: boolean }) {
  return (
    <svg width="14" height="14" aria-hidden="true">
      {square ? <rect x="2" y="4" width="10" height="6" fill={color} /> : <circle cx="7" cy="7" r="5" fill={color} />}
    </svg>
  );
}

type Glyph = 'go' | 'give-way' | 'stop' | 'amber' | 'dark';
const LAMP_LEGEND: readonly { glyph: Glyph; label: string }[] = [
  { glyph: 'go', label: 'Arrow: green, go (points the way of the turn)' },
  { glyph: 'give-way', label: 'Arrow with a white triangle: green, but give way to oncoming traffic' },
  { glyph: 'stop', label: 'Bar: red, stop' },
  { glyph: 'amber', label: 'Short bar: amber, stop if you safely can' },
  { glyph: 'dark', label: 'Grey disc: signal dark, all-way stop' },
];

/** The shapes the 3D lamps use (signal-lamps.ts), on their dark backboard. */
function LampGlyph({ glyph }: { glyph: Glyph }) {
  return (
    <svg width="18" height="14" aria-hidden="true" style={{ flex: 'none' }}>
      <rect x="0.5" y="0.5" width="17" height="13" rx="2" fill={LAMP_BOARD_COLOR} stroke="rgba(255, 255, 255, 0.35)" />
      {(glyph === 'go' || glyph === 'give-way') && (
        <path d="M7 13 V6 H4 L9 1 L14 6 H11 V13 Z" fill={ASPECT_COLOR[2]} transform={glyph === 'give-way' ? 'translate(2 0)' : undefined} />
      )}
      {glyph === 'give-way' && <path d="M1 12 H7 L4 8 Z" fill={LAMP_YIELD_COLOR} />}
      {glyph === 'stop' && <rect x="2" y="5" width="14" height="4" fill={ASPECT_COLOR[0]} />}
      {glyph === 'amber' && <rect x="5.5" y="5" width="7" height="4" fill={ASPECT_COLOR[1]} />}
      {glyph === 'dark' && <circle cx="9" cy="7" r="4.5" fill={ASPECT_COLOR[3]} />}
    </svg>
  );
}

/**
 * How many of a signal's approaches show green (to any of their movements), amber or red now,
 * read from the snapshot's per-approach lamps: right for a crossroads and a five-arm junction alike.
 */
function approachSummary(tv: TrafficView, s: number) {
  const lamps = live.snapshot?.traffic?.approaches;
  if (!lamps) return '—';
  const counts = [0, 0, 0, 0];
  for (let a = 0; a < tv.approaches.signal.length; a++) {
    if (tv.approaches.signal[a] !== s) continue;
    let best = -1;
    for (let k = 0; k < 3; k++) {
      const v = lamps[a * 3 + k]!;
      // Ranked green (or green, give way) > amber > dark > red; 255 is no such movement.
      const rank = v === 2 || v === 4 ? 3 : v === 1 ? 2 : v === 3 ? 1 : v === 0 ? 0 : -1;
      best = Math.max(best, rank);
    }
    if (best >= 0) counts[best]!++;
  }
  const parts = (
    [
      [3, 2],
      [2, 1],
      [1, 3],
      [0, 0],
    ] as const
  ).filter(([r]) => counts[r]! > 0);
  return parts.map(([r, aspect], i) => (
    <span key={r}>
      {i > 0 ? ', ' : ''}
      <Dot color={ASPECT_COLOR[aspect]!} /> {counts[r]} approach{counts[r] === 1 ? '' : 'es'} {ASPECT[aspect]}
    </span>
  ));
}

export function TrafficAssetSection({ index, asset }: { index: WorldIndex; asset: number }) {
  useUi((s) => s.clockMs);
  const tv: TrafficView | null | undefined = index.view.traffic;
  const s = tv ? tv.signals.findIndex((x) => x.asset === asset) : -1;
  if (!tv || s < 0) return null;
  const sig = tv.signals[s]!;
  const packed = live.snapshot?.traffic?.signals[s];
  const st = packed !== undefined ? unpackSignal(packed) : null;
  return (
    <div className="traffic-section" data-testid="traffic-section">
      <h3>Signal controller</h3>
      <dl className="facts">
        <dt>Plan</dt>
        <dd>
          {sig.plan.kind === 'actuated' ? `actuated (green ${sig.plan.minGreenS}–${sig.plan.maxGreenS} s)` : `fixed time, ${sig.plan.greenS} s green`};{' '}
          {sig.plan.amberS} s amber, {sig.plan.allRedS} s all-red
        </dd>
        <dt>State</dt>
        <dd>{st ? MODE_LABEL[st.mode] : '—'}</dd>
        {st && st.mode !== 2 && (
          <>
            <dt>Showing</dt>
            <dd>{approachSummary(tv, s)}</dd>
          </>
        )}
      </dl>
      <SignalMovements assetId={index.view.assets[asset]!.id} />
      <p className="muted">
        Power and the control link are listed under Depends on: without power the junction goes dark; without its control link it runs fixed time.
      </p>
    </div>
  );
}

type Client = NonNullable<ReturnType<typeof twinClient>>;

/** Asks the worker about `key` again whenever it or the clock moves; null until the first answer. An answer that comes after a newer question is dropped. */
function useAskOnClock<K extends string | number, T>(key: K, ask: (client: Client, key: K) => Promise<T | null>): T | null {
  const clock = useUi((s) => s.clockMs);
  const [info, setInfo] = useState<T | null>(null);
  useEffect(() => {
    let alive = true;
    const client = twinClient();
    if (client)
      ask(client, key)
        .then((v) => alive && setInfo(v))
        .catch(() => undefined);
    return () => void (alive = false);
  }, [key, clock]); // `ask` is the same query at each call site: only the key and the clock change the answer
  return info;
}

/** Asks the worker about a signal controller whenever the clock moves. */
const useSignal = (assetId: string): SignalInfo | null => useAskOnClock(assetId, (c, id) => c.signal(id));

const NOW_COLOR: Record<SignalInfo['movements'][number]['now'], string> = {
  green: ASPECT_COLOR[2],
  'green, give way': ASPECT_COLOR[2],
  amber: ASPECT_COLOR[1],
  red: ASPECT_COLOR[0],
  dark: ASPECT_COLOR[3],
};

/** Stages and movements: one row per approach and turn, one column per stage. */
function SignalMovements({ assetId }: { assetId: string }) {
  const info = useSignal(assetId);
  if (!info || info.movements.length === 0) return null;
  const stageName = (k: number) => `${k + 1}: ${info.stages[k]}`;
  return (
    <>
      <h3>Stages and movements</h3>
      <p className="muted">
        Running stage {stageName(info.stage)}
        {info.interval !== 'green' ? ` (${info.interval}, changing to ${stageName(info.next)})` : ''}. Right turns cross oncoming traffic: on a plain green they
        give way; an arrow stage protects them.
        {info.conflicts > 0 ? ` Near-misses here: ${info.conflicts}.` : ''}
      </p>
      <div className="signal-movements-wrap">
        <table className="signal-movements" data-testid="signal-movements">
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col">Turn</th>
              <th scope="col">Now</th>
              {info.stages.map((st, k) => (
                <th scope="col" key={k} aria-current={k === info.stage ? 'step' : undefined}>
                  {k === info.stage ? <strong>{stageName(k)}</strong> : stageName(k)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {info.movements.map((mv, i) => (
              <tr key={i}>
                <td>
                  {mv.from}
                  {mv.street && info.movements[i - 1]?.from !== mv.from && <div className="muted small">{mv.street}</div>}
                </td>
                <td>{mv.turn}</td>
                <td>
                  <Dot color={NOW_COLOR[mv.now]} /> {mv.now}
                </td>
                {mv.stages.map((p, k) => (
                  <td key={k}>{p === 'red' ? '—' : p}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Asks the worker about the vehicle whenever the clock moves. */
const useVehicle = (slot: number): VehicleInfo | null => useAskOnClock(slot, (c, s) => c.vehicle(s));

export function VehicleInspector({ id }: { index: WorldIndex; id: string }) {
  useUi((s) => s.clockMs);
  const slot = Number(id.replace(/^vehicle:/, ''));
  const info = useVehicle(slot);
  const t = live.snapshot?.traffic;
  const i = t ? t.vehicleSlot.indexOf(slot) : -1;
  if (!t || i < 0) return <p className="muted">This vehicle has reached its destination.</p>;
  const st = t.vehicleState[i]!;
  const emergency = st >> 4 === 1;
  return (
    <div className="traffic-vehicle" data-testid="vehicle-inspector">
      <h2>
        {emergency ? 'Emergency vehicle' : 'Car'} #{slot}
      </h2>
      <dl className="facts">
        <dt>Now</dt>
        <dd>{waitLabel(st & 15, info?.speedKmh ?? null)}</dd>
        {info?.heldBy != null && (
          <>
            <dt>{(st & 15) === WAIT_LET_IN ? 'Letting in' : 'Waiting on'}</dt>
            <dd>
              <button
                type="button"
                className="link-btn"
                data-testid="held-by"
                onClick={() => selectFeature({ layer: TRAFFIC_LAYER, id: `vehicle:${info.heldBy}` })}
              >
                car #{info.heldBy}
              </button>
            </dd>
          </>
        )}
        <dt>Where</dt>
        <dd>
          {Math.round(t.vehicles[i * 3]!)} m east, {Math.round(t.vehicles[i * 3 + 1]!)} m south
        </dd>
        {info && (
          <>
            <dt>Speed</dt>
            <dd>{info.speedKmh} km/h</dd>
            <dt>On the road</dt>
            <dd>
              {Math.floor(info.onRoadS / 60)} min {info.onRoadS % 60} s
            </dd>
            <dt>Still to go</dt>
            <dd>{(info.remainingM / 1000).toFixed(2)} km</dd>
          </>
        )}
      </dl>
      {info && info.route.length > 0 && (
        <>
          <h3>Route ahead</h3>
          <ol className="route-list">
            {info.route.map((r, k) => (
              <li key={`${r.road}-${k}`}>
                {r.road} <span className="muted">· {r.m < 1000 ? `${r.m} m` : `${(r.m / 1000).toFixed(1)} km`}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

export function TrafficLegend() {
  const has = useUi((s) => (s.world?.traffic?.links.length ?? 0) > 0);
  if (!has) return null;
  return (
    <>
      <h3>Traffic</h3>
      <ul className="legend-list">
        {CONGESTION_BANDS.map((b) => (
          <li key={b.id}>
            <Dot color={b.color} square />
            <span>
              {b.label} <span className="muted">— {b.cue}</span>
            </span>
          </li>
        ))}
        <li>
          <Dot color={VEHICLE_COLOR.moving} square /> <span>Vehicle moving</span>
        </li>
        <li>
          <Dot color={VEHICLE_COLOR.waiting} square /> <span>Vehicle waiting (signal, stop line, queue, merge)</span>
        </li>
        <li>
          <Dot color={VEHICLE_COLOR.emergency} square /> <span>Ambulance or police on a call</span>
        </li>
      </ul>
      <p className="muted">Signals: per approach, just before the stop line on its own side of the road, a lamp for each way on — left, ahead, right.</p>
      <ul className="legend-list">
        {LAMP_LEGEND.map((g) => (
          <li key={g.glyph}>
            <LampGlyph glyph={g.glyph} /> <span>{g.label}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
