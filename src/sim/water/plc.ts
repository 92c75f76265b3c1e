/**
 * PLCs and the readings they act on, after epanetCPA (Taormina et al. 2017, "A toolbox for
 * assessing the impacts of cyber-physical attacks on water distribution systems", Environmental
 * Modelling & Software): each PLC reads its own sensors, receives others' readings over PLC-to-PLC
 * links, and drives its pumps and valves by level rules taken over from the .inp [CONTROLS]. Every
 * reading travels a channel (sensor → destination PLC or SCADA) that an attacker can spoof, and a
 * link can be denied; what arrives is what the PLC believes, while EPANET keeps the truth.
 */

/** A PLC as the scenario describes it (from an epanetCPA [CYBERNODES] line, or written by hand). */
export interface PlcSpec {
  readonly id: string;
  /** The asset that stands for the PLC (its power and comms come from the dependency graph). */
  readonly asset: string | null;
  /** Sensors wired to it: P_<node> (tank level or junction pressure, m), F_<link> (flow, L/s). */
  readonly sensors: readonly string[];
  /** Pumps and valves it drives (link ids). */
  readonly actuators: readonly string[];
  /** How often it reads its sensors and runs its rules, s (default 1). */
  readonly scanS?: number;
}

/** A PLC-to-PLC (or PLC-to-SCADA) link carrying readings, as in epanetCPA [CYBERLINKS]. */
export interface PlcLinkSpec {
  readonly from: string;
  readonly to: string;
  readonly sensors: readonly string[];
}

/** A level rule a PLC runs: open or close `link` when `sensor` is below or above `levelM`. */
export interface PlcRule {
  /** "CTRL<n>", n the 1-based position of the control in the .inp (epanetCPA's naming). */
  readonly id: string;
  readonly plc: string;
  readonly link: number;
  readonly open: boolean;
  readonly sensor: string;
  readonly below: boolean;
  levelM: number;
  readonly originalM: number;
}

export type SpoofMode = 'constant' | 'offset' | 'scale' | 'freeze';

export interface Spoof {
  readonly mode: SpoofMode;
  readonly value: number;
  /** The value shown when the freeze began. */
  frozen: number | null;
}

/** Destination of a reading: a PLC id or "SCADA". */
export const SCADA = 'SCADA';

export const channelKey = (sensor: string, to: string) => `${sensor}->${to}`;

/** What an attacker makes of a true reading. */
export function spoofed(s: Spoof, truth: number): number {
  switch (s.mode) {
    case 'constant':
      return s.value;
    case 'offset':
      return truth + s.value;
    case 'scale':
      return truth * s.value;
    case 'freeze':
      return s.frozen ?? truth;
    default: {
      const never: never = s.mode;
      return never;
    }
  }
}

/** Whether a rule fires on a reading: inclusive, as EPANET's LOWLEVEL / HILEVEL tank controls are (controls.c). */
export const ruleFires = (r: PlcRule, reading: number) => (r.below ? reading <= r.levelM : reading >= r.levelM);

/** Parses the [CYBERNODES] and [CYBERLINKS] sections of an epanetCPA .cpa file. */
export function parseCpa(text: string): {
  plcs: PlcSpec[];
  links: PlcLinkSpec[];
  initialLevels: number[] | null;
  problems: { line: number; message: string }[];
} {
  let initialLevels: number[] | null = null;
  const plcs: PlcSpec[] = [];
  const links: PlcLinkSpec[] = [];
  const problems: { line: number; message: string }[] = [];
  let section = '';
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/;.*$/, '').trim();
    if (!line) return;
    const sec = /^\[([A-Z]+)\]$/.exec(line);
    if (sec) {
      section = sec[1]!;
      return;
    }
    const fields = line.split(',').map((f) => f.trim());
    if (section === 'CYBERNODES') {
      if (fields.length < 2 || !fields[0]) return void problems.push({ line: i + 1, message: 'a PLC line needs "name, sensors, actuators"' });
      plcs.push({ id: fields[0], asset: null, sensors: words(fields[1]), actuators: words(fields[2]) });
    } else if (section === 'CYBERLINKS') {
      if (fields.length < 3 || !fields[0] || !fields[1])
        return void problems.push({ line: i + 1, message: 'a link line needs "source, destination, sensors"' });
      links.push({ from: fields[0], to: fields[1], sensors: words(fields[2]) });
    } else if (section === 'CYBEROPTIONS' && fields[0] === 'initial_conditions') {
      // Initial tank levels (m), in the order of the tanks in the .inp (epanetCPA's CYBEROPTIONS).
      initialLevels = words(fields[1]).map(Number);
      if (initialLevels.some((x) => !Number.isFinite(x))) problems.push({ line: i + 1, message: 'initial_conditions must be tank levels in metres' });
    }
  });
  return { plcs, links, initialLevels, problems };
}

const words = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean);
