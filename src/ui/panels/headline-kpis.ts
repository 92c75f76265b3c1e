/**
 * The headline indicators for a scenario: about six, chosen from what its injects are about, so a
 * briefing on stolen camera data leads with records taken and street coverage, and one on a water
 * plant with people without water. The injects' own words (title, description) say what they
 * touch; the simulation's indicator list says what the scenario can measure. A scenario whose
 * injects say nothing recognisable gets the general list (HEADLINE_KPIS).
 */
import type { KpiDef } from '../../sim';
import type { InjectView } from '../../worker/exercise-protocol';
import { HEADLINE_KPIS } from '../store/layout-store';

export const HEADLINE_COUNT = 6;

/** A topic an inject can be about: the words that give it away, and its indicators, the one that says most first. */
interface Topic {
  readonly words: RegExp;
  readonly kpis: readonly string[];
}

// In the order a briefer would read them: what people lose, then what the attacker gains.
const TOPICS: readonly Topic[] = [
  { words: /substation|breaker|\bgrid\b|electric|power|blackout|outage/i, kpis: ['peopleWithoutPower', 'assetsDown', 'mwShed'] },
  { words: /water|pump|tank|reservoir|\bplc\d*\b|dos(e|ing)|sodium|chlor|valve|hydraul/i, kpis: ['peopleWithoutWater', 'assetsDown'] },
  { words: /signal|junction|traffic|\broads?\b|gridlock|ambulance/i, kpis: ['vehiclesStuck', 'emergencyResponseMedian', 'trafficDelay'] },
  { words: /camera|cctv|recorder|botnet/i, kpis: ['streetCoverage', 'camerasWorking'] },
  {
    words: /\bdata\b|records|exfiltrat|disclos|cop(y|ies)|smart-meter readings|localisation|identifiers|number-plate|face/i,
    kpis: ['recordsExfiltrated', 'personalDatasetsHeld'],
  },
  { words: /network|\bvpn\b|remote|maintenance (link|service)|botnet|flood/i, kpis: ['devicesWithoutComms'] },
  { words: /hijack|taken over|compromis|attacker|logic|default password|credential/i, kpis: ['assetsCompromised'] },
];

/** Scheduled injects in time order, then the ones a facilitator fires on demand (responses, mostly). */
function inOrder(injects: readonly InjectView[]): InjectView[] {
  const timed = injects.filter((i) => i.atMs !== null).sort((a, b) => a.atMs! - b.atMs!);
  return [...timed, ...injects.filter((i) => i.atMs === null)];
}

/** The scenario's headline indicator ids: the leading indicator of each topic its injects touch, then the others, then the general list. */
export function headlineFor(injects: readonly InjectView[], defs: readonly KpiDef[], count = HEADLINE_COUNT): string[] {
  const available = new Set(defs.map((d) => d.id));
  const out: string[] = [];
  const add = (id: string) => {
    if (out.length < count && available.has(id) && !out.includes(id)) out.push(id);
  };
  const touched = inOrder(injects).map((i) => TOPICS.filter((t) => t.words.test(`${i.title} ${i.description}`)));
  for (const topics of touched) for (const t of topics) add(t.kpis[0]!);
  for (const topics of touched) for (const t of topics) t.kpis.slice(1).forEach(add);
  HEADLINE_KPIS.forEach(add);
  defs.forEach((d) => add(d.id));
  return out;
}

/** What the strip shows as headline: the user's pinned choice for this scenario, else the scenario's own. */
export function shownHeadline(
  scenarioId: string,
  pinned: { readonly scenarioId: string; readonly ids: readonly string[] } | null,
  injects: readonly InjectView[],
  defs: readonly KpiDef[],
): string[] {
  if (pinned && pinned.scenarioId === scenarioId) {
    const available = new Set(defs.map((d) => d.id));
    return pinned.ids.filter((id) => available.has(id));
  }
  return headlineFor(injects, defs);
}
