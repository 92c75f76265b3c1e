/**
 * EPANET's input errors made readable. When a file does not parse, EPANET 2.3 writes each problem
 * to its report file as "Error 2xx: <what> in [SECTION] section:" followed by the offending line's
 * text, and the toolkit call fails with error 200. This turns that report into issues that name
 * the line number (found by locating the quoted text inside that section of the file), the section
 * and a hint. Error codes and texts: OWA-EPANET 2.3 errors.dat / the EPANET 2.2 manual, Appendix C.
 */

export interface InpIssue {
  /** 1-based line in the .inp file, when known. */
  readonly line: number | null;
  readonly section: string | null;
  readonly code: number | null;
  readonly message: string;
  readonly hint: string;
}

/** Hints for the input error codes a user is most likely to meet. */
const HINTS: Record<number, string> = {
  200: 'fix the lines listed with it',
  201: 'check the line has the fields the section expects, separated by spaces or tabs',
  202: 'a number is expected here: check for letters, commas or a missing value',
  203: 'define the node in [JUNCTIONS], [RESERVOIRS] or [TANKS], or fix the id',
  204: 'define the link in [PIPES], [PUMPS] or [VALVES], or fix the id',
  205: 'define the pattern in [PATTERNS], or fix the id',
  206: 'define the curve in [CURVES], or fix the id',
  207: 'a check valve cannot be given a status here; remove it',
  209: 'the value is out of range for this field (e.g. a negative length or diameter)',
  211: 'a link joins a node to itself, or a negative/zero value was given',
  213: 'check the option keyword and its value against the EPANET manual, [OPTIONS]',
  214: 'the line is longer than EPANET accepts (1024 characters): split or shorten it',
  215: 'the same id is used twice: give each node or link its own id',
  216: 'the [ENERGY] line names a pump that is not in [PUMPS]',
  217: 'the [ENERGY] line is malformed',
  219: 'a valve cannot connect directly to a tank or reservoir: add a short pipe between them',
  220: 'two valves in series or parallel of an illegal kind: see the EPANET manual on valves',
  222: 'a link connects a node to itself: give it two different end nodes',
  223: 'the network needs at least one tank or reservoir and one junction',
  224: 'there must be at least one tank or reservoir to fix the head',
  225: 'the tank levels are inconsistent: check min <= initial <= max',
  227: 'the pump curve is invalid: head must fall as flow rises',
  230: 'the curve x-values must increase',
  233: 'a node is connected to no link: connect it or remove it',
  299: "use one of EPANET's section keywords ([JUNCTIONS], [PIPES], …)",
};

/** The hint for an EPANET error code, for errors met outside a report file (EN_openH's, say). */
export function epanetHint(code: number): string {
  return HINTS[code] ?? 'see the EPANET manual, Appendix C (error messages)';
}

/** Readable text for any EPANET toolkit error code (run-time errors included). */
export function epanetCodeText(code: number): string {
  switch (code) {
    case 101:
      return 'not enough memory for the network';
    case 110:
      return 'the hydraulic equations cannot be solved: look for a part of the network cut off from every tank and reservoir';
    case 120:
      return 'the water quality equations cannot be solved';
    case 200:
      return 'one or more errors in the input file';
    case 302:
      return 'the input file cannot be opened';
    default:
      return `EPANET error ${code}`;
  }
}

const ERROR_RE = /Error (\d{3}):\s*(.*?)(?: in \[([A-Z]+)\] section)?:?\s*$/;

/** Parses EPANET's report text into issues, locating each quoted line in the input text. */
export function parseReportErrors(report: string, inp: string): InpIssue[] {
  const lines = report.split(/\r?\n/);
  const inpLines = inp.split(/\r?\n/);
  const out: InpIssue[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = ERROR_RE.exec(lines[i]!.trim());
    if (!m) continue;
    const code = Number(m[1]);
    if (code === 200) continue;
    const section = m[3] ? `[${m[3]}]` : null;
    const quoted = (lines[i + 1] ?? '').trim();
    const line = quoted ? locate(inpLines, quoted, section) : null;
    out.push({
      line,
      section,
      code,
      message: `${m[2]!.trim()}${quoted ? ` ("${squash(quoted)}")` : ''}`,
      hint: HINTS[code] ?? 'see the EPANET manual, Appendix C (error messages)',
    });
  }
  return out;
}

const squash = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 80 ? `${t.slice(0, 77)}…` : t;
};

/** The 1-based line whose whitespace-normalised text matches `quoted`, preferring `section`. */
function locate(lines: readonly string[], quoted: string, section: string | null): number | null {
  const want = squash(quoted);
  let current: string | null = null;
  let fallback: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t.startsWith('[')) current = t.toUpperCase().replace(/\].*$/, ']');
    if (squash(t) !== want && !squash(t).startsWith(want.replace(/…$/, ''))) continue;
    if (section === null || current === section) return i + 1;
    fallback ??= i + 1;
  }
  return fallback;
}
