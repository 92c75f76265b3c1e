/**
 * The water layer's parts of the side panels: the water section of an asset's inspector — a
 * pump's state, flow and power; a tank's fill and the time before it runs dry; a consumer's
 * service and the time before it loses water (the number a briefer is asked for first); a PLC's
 * sensors with what SCADA shows beside the truth, a spoofed one called out — and the legend.
 */
import type { WaterSnapshot } from '../../sim';
import type { WaterView } from '../../worker/protocol';
import { StatusBadge } from '../panels/shape-icon';
import './water.css';
import { live } from '../store/live';
import { useUi } from '../store/ui-store';
import type { WorldIndex } from '../store/world-index';
import {
  CLOSED_PIPE_COLOR,
  FLOW_BANDS,
  PUMP_COLOR,
  PUMP_LABEL,
  SERVICE_BANDS,
  SPOOF_COLOR,
  lps,
  metres,
  pumpState,
  consumerWater,
  readingSpoofed,
  serviceBand,
  timeLeft,
} from './water-style';

export function WaterAssetSection({ index, asset }: { index: WorldIndex; asset: number }) {
  const wv = index.view.water;
  const ws = live.snapshot?.water;
  if (!wv || !ws) return null;
  const links = [...wv.linkAsset].flatMap((a, k) => (a === asset ? [k] : []));
  const tanks = [...wv.nodeAsset].flatMap((a, i) => (a === asset && wv.nodeType[i] === 2 ? [i] : []));
  const consumers = wv.consumers.flatMap((c, j) => (c.asset === asset ? [j] : []));
  const plcs = wv.plcs.filter((p) => p.asset === asset);
  if (!links.length && !tanks.length && !consumers.length && !plcs.length) return null;
  return (
    <div className="water-section" data-testid="water-section">
      <h3>Water</h3>
      {consumers.map((j) => (
        <Consumer key={`c${j}`} wv={wv} ws={ws} j={j} />
      ))}
      {tanks.map((i) => (
        <Tank key={`t${i}`} wv={wv} ws={ws} i={i} />
      ))}
      {links.map((k) => (
        <Link key={`l${k}`} wv={wv} ws={ws} k={k} />
      ))}
      {plcs.map((p) => (
        <Plc key={p.id} wv={wv} ws={ws} plc={p} />
      ))}
    </div>
  );
}

function Consumer({ wv, ws, j }: { wv: WaterView; ws: WaterSnapshot; j: number }) {
  const c = wv.consumers[j]!;
  const s = ws.consumerService[j]!;
  const w = consumerWater(s, c.storageMin, ws.consumerTimeLeftS[j]!);
  return (
    <>
      <StatusBadge status={w.status} label={w.label} />
      <dl className="facts">
        <dt>Time before it loses water</dt>
        <dd data-testid="water-time-left">
          <strong>{w.time}</strong>
          {c.storageMin > 0 && w.status !== 'down' && <span className="muted"> (includes {c.storageMin} min of on-site storage)</span>}
        </dd>
        <dt>Demand delivered</dt>
        <dd>{Math.round(s * 100)}%</dd>
        <dt>Node</dt>
        <dd>
          {wv.nodeIds[c.node] ?? '—'} at {metres(ws.pressureM[c.node] ?? 0)} of pressure
        </dd>
      </dl>
    </>
  );
}

function Tank({ wv, ws, i }: { wv: WaterView; ws: WaterSnapshot; i: number }) {
  const fill = ws.tankFill[i]!;
  const left = ws.tankTimeLeftS[i]!;
  return (
    <dl className="facts">
      <dt>Tank {wv.nodeIds[i]}</dt>
      <dd>
        {Math.round(fill * 100)}% full ({metres(ws.pressureM[i]!)} of {metres(wv.tankMaxM[i]!)})
      </dd>
      <dt>Time before it runs dry</dt>
      <dd data-testid="tank-time-left">
        <strong>{timeLeft(left)}</strong>
        <span className="muted"> at the present rate</span>
      </dd>
    </dl>
  );
}

function Link({ wv, ws, k }: { wv: WaterView; ws: WaterSnapshot; k: number }) {
  const pump = wv.linkType[k] === 1;
  const st = pumpState(ws.linkOpen[k]!, ws.powered[k]!);
  return (
    <dl className="facts">
      <dt>
        {pump ? 'Pump' : 'Valve'} {wv.linkIds[k]}
      </dt>
      <dd>
        <span style={{ color: pump ? PUMP_COLOR[st] : undefined }}>{pump ? PUMP_LABEL[st] : ws.linkOpen[k] ? 'Open' : 'Closed'}</span>
        {!ws.powered[k] && !pump && <span className="muted"> — no power: stays where it is</span>}
      </dd>
      <dt>Flow</dt>
      <dd>{lps(ws.flowLps[k]!)}</dd>
    </dl>
  );
}

function Plc({ wv, ws, plc }: { wv: WaterView; ws: WaterSnapshot; plc: WaterView['plcs'][number] }) {
  const mode = useUi((s) => s.viewMode);
  const mine = wv.sensors.flatMap((s, j) => (plc.sensors.includes(s.id) ? [{ id: s.id, j }] : []));
  return (
    <>
      <h3>
        PLC {plc.id} {mode === 'operator' && <span className="mode-tag">operator view</span>}
      </h3>
      <p className="muted">Drives {plc.actuators.join(', ') || 'nothing (reports readings only)'}.</p>
      <table className="water-readings">
        <thead>
          <tr>
            <th scope="col">Sensor</th>
            <th scope="col">SCADA shows</th>
            <th scope="col">True</th>
          </tr>
        </thead>
        <tbody>
          {mine.map(({ id, j }) => {
            const truth = ws.sensorTrue[j]!;
            const scada = ws.sensorScada[j]!;
            const bad = readingSpoofed(truth, scada);
            const unit = id.startsWith('F_') ? ' L/s' : ' m';
            return (
              <tr key={id} data-sensor={id} className={bad ? 'spoofed' : undefined}>
                <th scope="row">{id}</th>
                <td style={bad ? { color: SPOOF_COLOR, fontWeight: 600 } : undefined}>
                  {scada.toFixed(2)}
                  {unit}
                  {bad && ' ⚠ differs'}
                </td>
                <td>{mode === 'operator' && bad ? 'hidden in operator view' : `${truth.toFixed(2)}${unit}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {plc.rules.length > 0 && (
        <ul className="muted">
          {plc.rules.map((r) => (
            <li key={r.id}>
              {r.id}: {r.open ? 'open' : 'close'} {r.link} when {r.sensor} is {r.below ? 'at or below' : 'at or above'} {r.levelM.toFixed(2)} m
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function WaterLegend() {
  const has = useUi((s) => (s.world?.water?.linkIds.length ?? 0) > 0);
  if (!has) return null;
  return (
    <>
      <h3>Water mains · flow</h3>
      <ul className="legend-list">
        {FLOW_BANDS.map((b) => (
          <li key={b.id}>
            <span className="swatch" style={{ background: b.color }} aria-hidden="true" />
            <span>
              {b.label} <span className="muted">— {b.cue}</span>
            </span>
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: CLOSED_PIPE_COLOR }} aria-hidden="true" />
          <span>Closed pipe, pump or valve</span>
        </li>
      </ul>
      <h3>Water service at demand nodes</h3>
      <ul className="legend-list">
        {SERVICE_BANDS.map((b) => (
          <li key={b.id}>
            <span className="swatch" style={{ background: b.color, borderRadius: '50%' }} aria-hidden="true" />
            <span>
              {b.label} <span className="muted">— {b.cue}</span>
            </span>
          </li>
        ))}
      </ul>
      <h3>Pumps and tanks</h3>
      <ul className="legend-list">
        {(Object.keys(PUMP_COLOR) as (keyof typeof PUMP_COLOR)[]).map((k) => (
          <li key={k}>
            <span className="swatch" style={{ background: PUMP_COLOR[k] }} aria-hidden="true" />
            <span>
              {PUMP_LABEL[k]} <span className="muted">— box</span>
            </span>
          </li>
        ))}
        <li>
          <span className="swatch" style={{ background: '#2f8cff' }} aria-hidden="true" />
          <span>Tank: the blue column's height is its fill level</span>
        </li>
      </ul>
    </>
  );
}
