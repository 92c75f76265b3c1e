/**
 * Words and marks for the one illustrative trace: each dataset's colour and shape (never colour
 * alone), clock times, the day, the district a point falls in, and the plain-language caption
 * ("From 4 datasets the attacker holds, 23 records link to one person… — right").
 */
import type { population } from '../../sim';
import type { IllustrativeTrace } from '../../sim/analysis';

export type TraceDataset = 'anpr' | 'face' | 'smartcard' | 'wifi';

/** Colours apart for the common colour-vision deficiencies; shapes differ too. */
export const TRACE_STYLE: Record<TraceDataset, { color: string; shape: 'square' | 'triangle' | 'diamond' | 'circle'; label: string; noun: string }> = {
  anpr: { color: '#ffd166', shape: 'square', label: 'ANPR plate read', noun: 'plate hash' },
  face: { color: '#ff6b8b', shape: 'triangle', label: 'Face match', noun: 'face template' },
  smartcard: { color: '#6ecbff', shape: 'diamond', label: 'Smart-card tap', noun: 'card' },
  wifi: { color: '#b8f28c', shape: 'circle', label: 'Wi-Fi probe', noun: 'MAC hash' },
};

export const isTraceDataset = (d: population.DatasetId): d is TraceDataset => d in TRACE_STYLE;

const DATASET_NOUN: Record<population.DatasetId, string> = {
  anpr: 'ANPR plates',
  face: 'face matches',
  smartcard: 'smart-card taps',
  meter: 'smart meters',
  wifi: 'Wi-Fi probes',
  aggregates: 'published counts',
};
const NUMBER = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const count = (n: number) => NUMBER[n] ?? n.toLocaleString('en-GB');
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function hhmm(clockS: number): string {
  const m = Math.floor(clockS / 60);
  return `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function dayLabel(day: NonNullable<IllustrativeTrace['day']>): string {
  if (day.ofRun < 0) return `${day.weekday} (${plural(-day.ofRun, 'day')} before the run began)`;
  if (day.ofRun === 0) return `${day.weekday} (the day the run began)`;
  return `${day.weekday} (day ${day.ofRun + 1} of the run)`;
}

type District = { readonly id: string; readonly name?: string; readonly polygon: readonly (readonly [number, number])[] };

/** The district a point lies in (ray casting), or null. */
export function districtAt(districts: readonly District[], x: number, z: number): string | null {
  for (const d of districts) {
    const p = d.polygon;
    let inside = false;
    for (let i = 0, j = p.length - 1; i < p.length; j = i++) {
      const [xi, zi] = p[i]!;
      const [xj, zj] = p[j]!;
      if (zi > z !== zj > z && x < ((xj - xi) * (z - zi)) / (zj - zi) + xi) inside = !inside;
    }
    if (inside) return d.name ?? d.id;
  }
  return null;
}

const place = (districts: readonly District[], x: number, z: number) => {
  const d = districtAt(districts, x, z);
  return d ? `in ${d}` : `near (${Math.round(x)}, ${Math.round(z)})`;
};

/** The caption: what links, where it puts them, and whether that is true. */
export function traceCaption(t: IllustrativeTrace, districts: readonly District[]): string {
  if (t.status !== 'traced' || !t.day || !t.home || !t.actual) return t.reason ?? 'Nobody can be traced from what the attacker holds.';
  const held = t.datasets.map((d) => DATASET_NOUN[d]).join(', ');
  const links =
    t.pseudonyms > 1
      ? `${t.records.toLocaleString('en-GB')} records under ${count(t.pseudonyms)} pseudonyms link to one person`
      : `${t.records.toLocaleString('en-GB')} records under one pseudonym belong to one person`;
  const parts = [`From the ${plural(t.datasets.length, 'dataset')} the attacker holds (${held}), ${links}, seen on ${plural(t.daysSeen, 'day')}.`];
  const homeText = `at home ${place(districts, t.home.x, t.home.z)} — ${t.actual.homeRight ? 'right' : 'wrong'}`;
  const when = dayLabel(t.day);
  if (t.site) {
    const visit = t.actual.visits.find((v) => v.site === t.site!.site);
    const verdict = t.actual.siteRight
      ? `right${visit ? `: they arrived at ${hhmm(visit.clockS)}` : ''}`
      : `wrong: they ${visit ? `went there at ${hhmm(visit.clockS)}, not then` : 'only passed its camera that day'}`;
    parts.push(`On ${when}, it places ${t.label} ${homeText}, and at the ${t.site.name} at ${hhmm(t.site.clockS)} — ${verdict}.`);
  } else {
    parts.push(`On ${when}, it places ${t.label} ${homeText}; it sees them at no sensitive site that day.`);
  }
  if (t.actual.othersRecords > 0) parts.push(`${capital(plural(t.actual.othersRecords, 'record'))} merged into this person are in fact someone else's.`);
  return parts.join(' ');
}
