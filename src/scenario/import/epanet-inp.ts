/**
 * A first reading of an EPANET .inp file, before the engine sees it: the ids and kinds of nodes
 * and links (for assets and for checking a scenario's references), their map coordinates, and
 * the mistakes that can be named with a line and a section without running EPANET — an unknown
 * section, a line with too few fields, a word where a number belongs, an id used twice, a link to
 * an undefined node. Field layouts follow the EPANET 2.2 manual, Appendix C.3 ("Input File Format").
 * When the engine is loaded, the scenario layer also opens the file in EPANET (checkWithEngine),
 * whose own errors come back with the line, the section and a hint as well.
 */
import { clip, issue, quote, type ScenarioIssue } from '../issues';
import { water as simWater } from '../../sim';
import { quietWarnings } from '../../sim/water/epanet-access';

export interface InpSummary {
  readonly junctions: string[];
  readonly reservoirs: string[];
  readonly tanks: string[];
  readonly pipes: string[];
  readonly pumps: string[];
  readonly valves: string[];
  readonly coordinates: Map<string, [number, number]>;
  flowUnits: string;
  /** Lines in [CONTROLS]: rule CTRL<n> is the n-th. */
  controls: number;
}

export type InpRead = { ok: true; summary: InpSummary } | { ok: false; issues: ScenarioIssue[] };

const SECTIONS = new Set([
  'TITLE',
  'JUNCTIONS',
  'RESERVOIRS',
  'TANKS',
  'PIPES',
  'PUMPS',
  'VALVES',
  'TAGS',
  'DEMANDS',
  'STATUS',
  'PATTERNS',
  'CURVES',
  'CONTROLS',
  'RULES',
  'ENERGY',
  'EMITTERS',
  'QUALITY',
  'SOURCES',
  'REACTIONS',
  'MIXING',
  'TIMES',
  'REPORT',
  'OPTIONS',
  'COORDINATES',
  'VERTICES',
  'LABELS',
  'BACKDROP',
  'END',
  'LEAKAGE',
]);

/** Minimum fields and which of them (0-based) must be numbers, per section with ids. */
const LAYOUT: Record<string, { min: number; numeric: number[]; what: string }> = {
  JUNCTIONS: { min: 2, numeric: [1], what: 'ID, elevation[, demand, pattern]' },
  RESERVOIRS: { min: 2, numeric: [1], what: 'ID, head[, pattern]' },
  TANKS: { min: 7, numeric: [1, 2, 3, 4, 5], what: 'ID, elevation, initial level, min level, max level, diameter, min volume[, volume curve]' },
  PIPES: { min: 6, numeric: [3, 4, 5], what: 'ID, node 1, node 2, length, diameter, roughness[, minor loss, status]' },
  PUMPS: { min: 4, numeric: [], what: 'ID, node 1, node 2, HEAD curve | POWER kW[, SPEED s, PATTERN p]' },
  VALVES: { min: 6, numeric: [3], what: 'ID, node 1, node 2, diameter, type, setting[, minor loss]' },
  COORDINATES: { min: 3, numeric: [1, 2], what: 'node ID, x, y' },
};

const MAX_ISSUES = 40;

export function readInp(text: string, fileName: string, base: string): InpRead {
  const issues: ScenarioIssue[] = [];
  const at = (line: number) => `${base} (${fileName} line ${line})`;
  const report = (line: number, message: string, hint: string) => {
    if (issues.length < MAX_ISSUES) issues.push(issue(at(line), message, hint));
  };
  const s: InpSummary = { junctions: [], reservoirs: [], tanks: [], pipes: [], pumps: [], valves: [], coordinates: new Map(), flowUnits: 'GPM', controls: 0 };
  const nodes = new Set<string>();
  const links = new Set<string>();
  const linkEnds: { line: number; section: string; id: string; a: string; b: string }[] = [];
  /** Ids on lines already reported, so a bad node line does not also fail every pipe to it. */
  const broken = new Set<string>();
  let section = '';
  text.split(/\r?\n/).forEach((raw, i) => {
    const n = i + 1;
    const line = raw.replace(/;.*$/, '').trim();
    if (!line) return;
    if (line.startsWith('[')) {
      const name = /^\[([A-Za-z]+)\]/.exec(line)?.[1]?.toUpperCase() ?? '';
      if (!SECTIONS.has(name))
        report(n, `unknown section ${clip(line, 40)} in [${section || 'top'}]`, "use one of EPANET's section keywords ([JUNCTIONS], [PIPES], [OPTIONS], …)");
      section = SECTIONS.has(name) ? name : '?';
      return;
    }
    const f = line.split(/\s+/);
    if (section === 'CONTROLS' && /^link$/i.test(f[0] ?? '')) s.controls++;
    if (section === 'OPTIONS' && /^units$/i.test(f[0] ?? '') && f[1]) s.flowUnits = f[1].toUpperCase();
    const layout = LAYOUT[section];
    if (!layout) return;
    if (f.length < layout.min) return report(n, `[${section}] line has ${f.length} field(s), needs at least ${layout.min}`, `write ${layout.what}`);
    for (const k of layout.numeric) {
      if (!Number.isFinite(Number(f[k])))
        return (void broken.add(f[0]!), report(n, `[${section}] field ${k + 1} is ${quote(f[k]!)}, not a number`, `write ${layout.what}`));
    }
    const id = f[0]!;
    switch (section) {
      case 'JUNCTIONS':
      case 'RESERVOIRS':
      case 'TANKS':
        if (nodes.has(id)) return report(n, `[${section}] node id ${quote(id)} is used twice`, 'give each node its own id');
        nodes.add(id);
        (section === 'JUNCTIONS' ? s.junctions : section === 'RESERVOIRS' ? s.reservoirs : s.tanks).push(id);
        return;
      case 'PIPES':
      case 'PUMPS':
      case 'VALVES':
        if (links.has(id)) return report(n, `[${section}] link id ${quote(id)} is used twice`, 'give each link its own id');
        links.add(id);
        (section === 'PIPES' ? s.pipes : section === 'PUMPS' ? s.pumps : s.valves).push(id);
        linkEnds.push({ line: n, section, id, a: f[1]!, b: f[2]! });
        return;
      case 'COORDINATES':
        s.coordinates.set(id, [Number(f[1]), Number(f[2])]);
        return;
      default:
        return;
    }
  });
  for (const l of linkEnds) {
    for (const end of [l.a, l.b]) {
      if (!nodes.has(end) && !broken.has(end))
        report(
          l.line,
          `[${l.section}] link ${l.id} refers to undefined node ${quote(end)}`,
          'define the node in [JUNCTIONS], [RESERVOIRS] or [TANKS], or fix the id',
        );
    }
  }
  // "hello world" has no section EPANET objects to, so nothing above catches it, and EPANET itself
  // opens it as an empty network: say what it is rather than let the run fail.
  if (nodes.size === 0 && issues.length === 0) {
    issues.push(
      issue(
        `${base} (${fileName})`,
        'holds no junctions, reservoirs or tanks: it is not an EPANET network',
        'an EPANET .inp file lists its nodes under [JUNCTIONS], [RESERVOIRS] and [TANKS]; save or export the network from EPANET as .inp',
      ),
    );
  }
  if (nodes.size > 0 && s.reservoirs.length + s.tanks.length === 0)
    report(1, 'the network has no reservoir or tank', 'EPANET needs at least one fixed-head node: add a [RESERVOIRS] or [TANKS] entry');
  return issues.length > 0 ? { ok: false, issues } : { ok: true, summary: s };
}

/**
 * Opens the file in EPANET when the engine is loaded: its errors become issues with line and
 * section. EPANET 2.3 also opens files it cannot run — fewer than two nodes, no tank or reservoir,
 * a junction joined to no link — and refuses them only when hydraulics start (EN_openH), which is
 * where `twin run` met them, as an "internal error"; those three are checked here on what EPANET
 * read (OWA-EPANET 2.3's openhyd and unlinked), not by calling EN_openH.
 *
 * The check uses a bare project, opened and closed, rather than a WaterModel. EPANET's failure
 * path for some malformed files (a bad number in [CONTROLS], say) damages the WASM heap when it
 * runs just after a project that had buffers allocated beside it was closed — which is what a
 * WaterModel opened only to be checked leaves — and a later, unrelated run then traps ("memory
 * access out of bounds"; the fuzz test found it). A bare project allocates nothing beside its own.
 */
export function checkWithEngine(text: string, fileName: string, base: string): ScenarioIssue[] {
  const engine = simWater.loadedWaterEngine();
  if (!engine) return [];
  const { workspace, lib } = engine;
  // One name, overwritten each time: the engine's in-memory file system keeps what is written.
  workspace.writeFile('twin-check.inp', text);
  const p = new lib.Project(workspace);
  quietWarnings(p, new Map());
  try {
    p.open('twin-check.inp', 'twin-check.rpt', '');
  } catch (e) {
    closeOnce(p); // flushes the report file EPANET wrote the details to
    let report = '';
    try {
      report = workspace.readFile('twin-check.rpt');
    } catch {
      // no report
    }
    const found = simWater.parseReportErrors(report, text);
    const issues =
      found.length > 0
        ? found
        : [{ line: null, section: null, code: codeOf(e), message: e instanceof Error ? e.message : String(e), hint: 'check the file opens in EPANET' }];
    return issues.map((i) =>
      issue(
        i.line !== null ? `${base} (${fileName} line ${i.line})` : `${base} (${fileName})`,
        `${i.section ? `${i.section}: ` : ''}${i.message}${i.code !== null ? ` (EPANET error ${i.code})` : ''}`,
        i.hint,
      ),
    );
  }
  let problem: { code: number; what: string } | null;
  try {
    problem = cannotRun(p, lib);
  } finally {
    closeOnce(p);
  }
  return problem
    ? [issue(`${base} (${fileName})`, `EPANET cannot run it: ${problem.what} (EPANET error ${problem.code})`, simWater.epanetHint(problem.code))]
    : [];
}

/** Closes a project exactly once: epanet-js frees memory on close, and twice damages the heap. */
function closeOnce(p: simWater.EpanetProject): void {
  try {
    p.close();
  } catch {
    // EPANET refused; nothing more to free
  }
}

const codeOf = (e: unknown): number | null => {
  const m = /Error (\d+)/.exec(e instanceof Error ? e.message : String(e));
  return m ? Number(m[1]) : null;
};

/** What EN_openH would refuse in a network EPANET has read. */
function cannotRun(p: simWater.EpanetProject, lib: simWater.EpanetLib): { code: number; what: string } | null {
  const n = p.getCount(lib.CountType.NodeCount);
  const m = p.getCount(lib.CountType.LinkCount);
  if (n < 2) return { code: 223, what: `the network has ${n === 0 ? 'no nodes' : 'only one node'}` };
  const fixed = p.getCount(lib.CountType.TankCount); // tanks and reservoirs, numbered after the junctions
  if (fixed === 0) return { code: 224, what: 'the network has no tank or reservoir' };
  const linked = new Uint8Array(n + 1);
  for (let k = 1; k <= m; k++) {
    const ends = p.getLinkNodes(k);
    linked[ends.node1] = linked[ends.node2] = 1;
  }
  const lone: string[] = [];
  for (let i = 1; i <= n - fixed; i++) if (!linked[i]) lone.push(p.getNodeId(i));
  if (lone.length === 0) return null;
  return {
    code: 233,
    what: `junction ${quote(lone[0]!)}${lone.length > 1 ? ` and ${lone.length - 1} more` : ''} ${lone.length > 1 ? 'are' : 'is'} joined to no pipe, pump or valve`,
  };
}
