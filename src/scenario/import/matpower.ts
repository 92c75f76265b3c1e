/**
 * MATPOWER case files (`.m`) into a PowerNetwork. The text is parsed, never evaluated: only the
 * assignments a case file consists of are understood — `mpc.baseMVA = 100;` and matrices written
 * out as `mpc.bus = [ … ];` — and anything else (gencost, bus_name cell arrays, areas, version) is
 * skipped. Column meanings follow MATPOWER's caseformat:
 *
 *   bus    [bus_i type Pd Qd Gs Bs area Vm Va baseKV zone Vmax Vmin]          13 columns
 *   gen    [bus Pg Qg Qmax Qmin Vg mBase status Pmax Pmin …]                  10 or more
 *   branch [fbus tbus r x b rateA rateB rateC ratio angle status angmin angmax] 11 or more
 *
 * Ids: buses keep their MATPOWER numbers; branch and generator ids are 1-based rows of
 * mpc.branch and mpc.gen, so branch index k is branch id k + 1. A rateA of 0 (or Inf) means
 * unlimited. Problems come back as ScenarioIssues naming the file and line, never as exceptions.
 */
import { allocateNetwork, type PowerNetwork } from '../../sim/power';
import { clip, issue, type ScenarioIssue } from '../issues';
import { parseNumber, tokenize, type Token } from './matpower-lexer';

export interface MatpowerCase {
  readonly ok: true;
  readonly network: PowerNetwork;
  /** The name after `function mpc =`, if any. */
  readonly caseName: string | null;
  /** MATPOWER bus number of each bus index. */
  readonly busIds: readonly number[];
  /** 1-based mpc.branch row of each branch index. */
  readonly branchIds: readonly number[];
  /** 1-based mpc.gen row of each generator index. */
  readonly genIds: readonly number[];
  /** Assignments that were read past without use (mpc.gencost, mpc.bus_name, …). */
  readonly ignored: readonly string[];
}

export type MatpowerImport = MatpowerCase | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

export interface MatpowerOptions {
  /** Shown in issue paths; default "case.m". */
  readonly fileName?: string;
  /** Scenario path of the reference; default "power.matpower". */
  readonly path?: string;
}

interface Row {
  readonly line: number;
  readonly values: number[];
  /** Columns (0-based) already reported as not numbers, so they are not reported twice. */
  readonly bad: number[];
}
interface Matrix {
  readonly line: number;
  readonly rows: Row[];
}

const MATRICES = { bus: 13, gen: 10, branch: 11 } as const;
type MatrixName = keyof typeof MATRICES;
const MAX_ISSUES = 40;

export function parseMatpower(text: string, options: MatpowerOptions = {}): MatpowerImport {
  const file = options.fileName ?? 'case.m';
  const base = options.path ?? 'power.matpower';
  const issues: ScenarioIssue[] = [];
  const at = (line: number | null) => (line === null ? `${base} (${file})` : `${base} (${file} line ${line})`);
  const report = (line: number | null, message: string, hint: string) => {
    if (issues.length < MAX_ISSUES) issues.push(issue(at(line), message, hint));
  };

  const toks = tokenize(text);
  let p = 0;
  const peek = (): Token | undefined => toks[p];
  const endOfStatement = () => {
    while (p < toks.length && toks[p]!.kind !== ';' && toks[p]!.kind !== 'newline') p++;
    if (p < toks.length) p++;
  };
  /** Skips a bracketed value (any nesting, across lines). */
  const skipBracketed = () => {
    let depth = 0;
    for (; p < toks.length; p++) {
      const k = toks[p]!.kind;
      if (k === '[' || k === '{' || k === '(') depth++;
      else if (k === ']' || k === '}' || k === ')') depth--;
      if (depth === 0) {
        p++;
        return;
      }
    }
  };

  let caseName: string | null = null;
  let baseMVA: { value: number; line: number } | null = null;
  const found: Partial<Record<MatrixName, Matrix>> = {};
  const ignored: string[] = [];

  const readMatrix = (name: MatrixName, line: number): Matrix => {
    const rows: Row[] = [];
    let cur: Row | null = null;
    let closed = false;
    p++; // '['
    for (; p < toks.length; p++) {
      const t = toks[p]!;
      if (t.kind === ']') {
        p++;
        closed = true;
        break;
      }
      if (t.kind === ';' || t.kind === 'newline') {
        if (cur) rows.push(cur);
        cur = null;
        continue;
      }
      if (t.kind === ',') continue;
      const v = t.kind === 'word' ? parseNumber(t.text) : null;
      if (v === null) {
        report(
          t.line,
          `'${clip(t.text)}' is not a number (in mpc.${name})`,
          'matrix entries must be plain numbers such as 1, -0.5, 1e-3 or Inf; expressions are not evaluated',
        );
      }
      cur ??= { line: t.line, values: [], bad: [] };
      if (v === null) cur.bad.push(cur.values.length);
      cur.values.push(v ?? NaN);
    }
    if (cur) rows.push(cur);
    if (!closed) report(line, `mpc.${name} has no closing ']'`, 'end the matrix with "];"');
    return { line, rows };
  };

  while (p < toks.length) {
    const t = peek()!;
    if (t.kind !== 'word') {
      if (t.kind === '[' || t.kind === '{' || t.kind === '(') skipBracketed();
      else p++;
      continue;
    }
    if (t.text === 'function') {
      // function mpc = case30   or   function [baseMVA, bus, gen, branch] = case9
      let j = p + 1;
      while (j < toks.length && toks[j]!.kind !== 'newline' && toks[j]!.kind !== '=') j++;
      caseName = toks[j]?.kind === '=' && toks[j + 1]?.kind === 'word' ? toks[j + 1]!.text : null;
      p = j;
      endOfStatement();
      continue;
    }
    const m = /^(?:[A-Za-z]\w*\.)?(baseMVA|bus|gen|branch)$/.exec(t.text);
    const next = toks[p + 1];
    if (m && next?.kind === '(') {
      report(
        t.line,
        `${clip(t.text)}(…) = … changes a matrix after it is written; this importer reads matrices only as written out in full`,
        'apply the change to the matrix itself and save the case again',
      );
      endOfStatement();
      continue;
    }
    if (next?.kind !== '=') {
      endOfStatement();
      continue;
    }
    p += 2;
    const value = peek();
    if (!m) {
      ignored.push(t.text);
      if (value && (value.kind === '[' || value.kind === '{')) skipBracketed();
      endOfStatement();
      continue;
    }
    const name = m[1]! as MatrixName | 'baseMVA';
    if (name === 'baseMVA') {
      const v = value?.kind === 'word' ? parseNumber(value.text) : null;
      if (v === null || !Number.isFinite(v) || v <= 0)
        report(t.line, `${clip(t.text)} must be a positive number, got '${clip(value?.text ?? '')}'`, 'MATPOWER cases use 100');
      else baseMVA = { value: v, line: t.line };
      endOfStatement();
      continue;
    }
    if (value?.kind !== '[') {
      report(t.line, `${clip(t.text)} must be a matrix written out as [ … ]`, 'this importer does not run MATLAB code; write the numbers out');
      endOfStatement();
      continue;
    }
    found[name] = readMatrix(name, t.line);
    endOfStatement();
  }

  let structural = false;
  for (const name of Object.keys(MATRICES) as MatrixName[]) {
    const mat = found[name];
    if (!mat) {
      structural = true;
      report(null, `missing mpc.${name}`, `add the mpc.${name} matrix; see MATPOWER's caseformat for its ${MATRICES[name]} columns`);
      continue;
    }
    const width = mat.rows[0]?.values.length ?? 0;
    for (const row of mat.rows) {
      if (row.values.length < MATRICES[name] || row.values.length !== width) structural = true;
      if (row.values.length < MATRICES[name]) {
        report(row.line, `mpc.${name} row with ${row.values.length} columns where ${MATRICES[name]} are needed`, `a ${name} row is [${COLUMNS[name]}]`);
      } else if (row.values.length !== width) {
        report(
          row.line,
          `mpc.${name} row with ${row.values.length} columns, but the first row has ${width}`,
          'every row of a matrix needs the same number of columns',
        );
      }
    }
  }
  // A missing baseMVA or a bad number still lets the rows be checked, so one pass reports everything.
  if (!baseMVA) report(null, 'missing mpc.baseMVA', 'add "mpc.baseMVA = 100;" (the system MVA base)');
  if (structural) return { ok: false, issues };
  return build(baseMVA?.value ?? 100, found as Record<MatrixName, Matrix>, caseName, ignored, report, issues);
}

const COLUMNS: Record<MatrixName, string> = {
  bus: 'bus_i type Pd Qd Gs Bs area Vm Va baseKV zone Vmax Vmin',
  gen: 'bus Pg Qg Qmax Qmin Vg mBase status Pmax Pmin',
  branch: 'fbus tbus r x b rateA rateB rateC ratio angle status',
};

function build(
  baseMVA: number,
  mats: Record<MatrixName, Matrix>,
  caseName: string | null,
  ignored: string[],
  report: (line: number | null, message: string, hint: string) => void,
  issues: ScenarioIssue[],
): MatpowerImport {
  const { bus, gen, branch } = mats;
  const net = allocateNetwork(baseMVA, bus.rows.length, gen.rows.length, branch.rows.length);
  const { buses: B, gens: G, branches: L } = net;
  /** Column `col` (1-based, as MATPOWER documents it) of a row, checked to be finite. */
  const num = (row: Row, col: number, what: string, allowInf = false): number => {
    const v = row.values[col - 1]!;
    if (row.bad.includes(col - 1)) return NaN;
    if (Number.isNaN(v) || (!allowInf && !Number.isFinite(v))) report(row.line, `${what} is ${String(v)}`, `column ${col} needs a finite number`);
    return v;
  };
  const index = new Map<number, number>();
  bus.rows.forEach((row, i) => {
    const id = num(row, 1, 'bus number');
    if (!Number.isInteger(id) || id <= 0) report(row.line, `bus number ${id} is not a positive whole number`, 'MATPOWER bus numbers are positive integers');
    else if (index.has(id)) report(row.line, `bus ${id} is listed twice`, 'give every bus its own number');
    index.set(id, i);
    const type = num(row, 2, `bus ${id} type`);
    if (![1, 2, 3, 4].includes(type)) report(row.line, `bus ${id} has type ${type}`, 'bus types are 1 (PQ), 2 (PV), 3 (reference) and 4 (isolated)');
    B.id[i] = id;
    B.type[i] = type;
    B.pdMW[i] = num(row, 3, `bus ${id} Pd`);
    B.gsMW[i] = num(row, 5, `bus ${id} Gs`);
    B.vaDeg[i] = num(row, 9, `bus ${id} Va`);
  });
  const busAt = (row: Row, col: number, what: string): number => {
    const id = row.values[col - 1]!;
    const i = index.get(id);
    if (i === undefined) report(row.line, `${what} refers to bus ${id}, which is not in mpc.bus`, 'use a bus number from the first column of mpc.bus');
    return i ?? 0;
  };
  gen.rows.forEach((row, g) => {
    G.bus[g] = busAt(row, 1, `generator ${g + 1}`);
    G.pgMW[g] = num(row, 2, `generator ${g + 1} Pg`);
    G.status[g] = num(row, 8, `generator ${g + 1} status`) > 0 ? 1 : 0;
    G.pmaxMW[g] = num(row, 9, `generator ${g + 1} Pmax`, true);
    G.pminMW[g] = num(row, 10, `generator ${g + 1} Pmin`, true);
  });
  branch.rows.forEach((row, k) => {
    L.from[k] = busAt(row, 1, `branch ${k + 1}`);
    L.to[k] = busAt(row, 2, `branch ${k + 1}`);
    L.x[k] = num(row, 4, `branch ${k + 1} x`);
    const rate = num(row, 6, `branch ${k + 1} rateA`, true);
    L.rateMW[k] = Number.isFinite(rate) && rate > 0 ? rate : 0;
    L.tap[k] = num(row, 9, `branch ${k + 1} ratio`);
    L.shiftDeg[k] = num(row, 10, `branch ${k + 1} angle`);
    L.status[k] = num(row, 11, `branch ${k + 1} status`) > 0 ? 1 : 0;
    if (L.x[k] === 0 && L.status[k] === 1) {
      report(
        row.line,
        `branch ${k + 1} is in service with reactance x = 0`,
        'a DC power flow divides by x: give it a small reactance (e.g. 0.0001) or set its status to 0',
      );
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    network: net,
    caseName,
    busIds: Array.from(B.id),
    branchIds: Array.from({ length: L.count }, (_, k) => k + 1),
    genIds: Array.from({ length: G.count }, (_, g) => g + 1),
    ignored,
  };
}
