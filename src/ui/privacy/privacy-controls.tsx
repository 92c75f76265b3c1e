/**
 * What-if controls: which datasets the attacker holds, and each dataset's anonymisation (pseudonym
 * rotation, cell size, time bin, k, ε for published counts, retention). Changes re-run the
 * analysis as a what-if; "Apply as policy" makes them commands in the run (logged, replayable).
 */
import type { population } from '../../sim';

export type WhatIfSettings = Record<population.DatasetId, population.Anonymisation>;

const LABEL: Record<population.DatasetId, string> = {
  anpr: 'ANPR plates',
  face: 'Face matches',
  smartcard: 'Smart cards',
  meter: 'Smart meters',
  wifi: 'Wi-Fi probes',
  aggregates: 'Published counts',
};
const BINS = [1, 60, 900, 1800, 3600, 4 * 3600, 86400];
const CELLS = [0, 100, 250, 500, 1000, 2000];
const RETENTION: (number | null)[] = [null, 7 * 86400, 3 * 86400, 86400, 6 * 3600];
const binLabel = (s: number) => (s <= 1 ? 'exact' : s < 3600 ? `${s / 60} min` : s < 86400 ? `${s / 3600} h` : '1 day');
const retLabel = (s: number | null) => (s === null ? 'keep all' : s >= 86400 ? `${s / 86400} day${s > 86400 ? 's' : ''}` : `${s / 3600} h`);
const nearest = <T extends number | null>(list: T[], v: T) => {
  let best = 0;
  list.forEach((x, i) => {
    if ((x ?? 1e12) === (v ?? 1e12) || Math.abs((x ?? 1e12) - (v ?? 1e12)) < Math.abs((list[best] ?? 1e12) - (v ?? 1e12))) best = i;
  });
  return best;
};

/** A slider over a fixed list of steps, set at the step nearest `value`. */
function StepSlider<T extends number | null>({ id, steps, value, onPick }: { id: string; steps: T[]; value: T; onPick: (v: T) => void }) {
  return (
    <input
      id={id}
      type="range"
      min={0}
      max={steps.length - 1}
      step={1}
      value={nearest(steps, value)}
      onChange={(e) => onPick(steps[Number(e.target.value)]!)}
    />
  );
}

export function HoldingsControls({
  holds,
  onChange,
  ids,
}: {
  holds: readonly population.DatasetId[];
  onChange: (h: population.DatasetId[]) => void;
  ids: readonly population.DatasetId[];
}) {
  return (
    <fieldset className="privacy-holds">
      <legend>The attacker holds (what-if)</legend>
      {ids.map((d) => (
        <label key={d} className="check">
          <input
            type="checkbox"
            checked={holds.includes(d)}
            onChange={(e) => onChange(e.target.checked ? [...holds, d] : holds.filter((x) => x !== d))}
            aria-label={`Attacker holds ${LABEL[d]}`}
          />
          <span className="grow">{LABEL[d]}</span>
        </label>
      ))}
    </fieldset>
  );
}

export function AnonymisationControls({
  dataset,
  value,
  onChange,
}: {
  dataset: population.DatasetId;
  value: population.Anonymisation;
  onChange: (a: population.Anonymisation) => void;
}) {
  const id = (k: string) => `anon-${dataset}-${k}`;
  return (
    <div className="anon-controls">
      <label htmlFor={id('rot')}>Pseudonyms</label>
      <select id={id('rot')} value={value.rotation} onChange={(e) => onChange({ ...value, rotation: e.target.value as population.Rotation })}>
        <option value="none">stable</option>
        <option value="daily">rotated daily</option>
        <option value="per-record">new every record</option>
      </select>
      <label htmlFor={id('cell')}>Places: {value.cellM > 0 ? `${value.cellM} m cells` : 'exact'}</label>
      <StepSlider id={id('cell')} steps={CELLS} value={value.cellM} onPick={(cellM) => onChange({ ...value, cellM })} />
      <label htmlFor={id('bin')}>Times: {binLabel(value.binS)}</label>
      <StepSlider id={id('bin')} steps={BINS} value={value.binS} onPick={(binS) => onChange({ ...value, binS })} />
      <label htmlFor={id('k')}>Suppress below k = {value.k}</label>
      <input id={id('k')} type="range" min={1} max={50} step={1} value={value.k} onChange={(e) => onChange({ ...value, k: Number(e.target.value) })} />
      {dataset === 'aggregates' && (
        <>
          <label htmlFor={id('eps')}>Noise: {value.epsilon === null ? 'none' : `ε = ${value.epsilon}`}</label>
          <input
            id={id('eps')}
            type="range"
            min={0}
            max={5}
            step={1}
            value={value.epsilon === null ? 0 : [0, 10, 1, 0.5, 0.1, 0.01].indexOf(value.epsilon)}
            onChange={(e) => onChange({ ...value, epsilon: [null, 10, 1, 0.5, 0.1, 0.01][Number(e.target.value)] ?? null })}
          />
        </>
      )}
      <label htmlFor={id('ret')}>Retention: {retLabel(value.retentionS)}</label>
      <StepSlider id={id('ret')} steps={RETENTION} value={value.retentionS} onPick={(retentionS) => onChange({ ...value, retentionS })} />
    </div>
  );
}

export { LABEL as DATASET_SHORT_LABEL };
