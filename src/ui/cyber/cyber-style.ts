/**
 * How the cyber layers read on screen, as plain data for the 3D layers, the legend and the vendor
 * panel: comms links by utilisation (colour and width, so colour is never the only cue), congested
 * links called out, exfiltration drawn as a dashed magenta line to the attacker, flows to clouds
 * coloured by jurisdiction, and cameras by state.
 */
export const COMMS_LAYER = 'comms-network' as const;
export const CCTV_LAYER = 'cctv-views' as const;

export const UTIL_BANDS = [
  { id: 'idle', min: 0, color: '#4a5a73', label: 'Under 30% used', cue: 'thin grey' },
  { id: 'busy', min: 0.3, color: '#3fb6c6', label: '30–80% used', cue: 'teal' },
  { id: 'high', min: 0.8, color: '#e3b341', label: '80–100% used', cue: 'amber' },
  { id: 'congested', min: 2, color: '#e5534b', label: 'Congested: more offered than it carries', cue: 'red' },
] as const;
export const DOWN_LINK_COLOR = '#20252e';
export const EXFIL_COLOR = '#d64dff';
/** Links the attacker came along (the compromise colour, as the asset markers use). */
export const ATTACK_PATH_COLOR = '#b565ff';
/** Coverage heat map: where cameras see, more opaque where more of them do. */
export const COVERAGE_COLOR = '#7cc7ff';
/** Ground a camera saw at the start that none sees now (hatched, so not colour alone). */
export const COVERAGE_LOST_COLOR = '#ef4b3f';
/** Watched sites no camera sees: bold red corners when blinded since the start, thin grey when always blind. */
export const BLIND_SINCE_COLOR = '#ff6b5e';
export const BLIND_START_COLOR = '#c9d1d9';

/** Band of a link: `state` 0 down, 1 up, 2 congested (SimSnapshot.cyber.linkState). */
export function utilBand(util: number, state: number): (typeof UTIL_BANDS)[number] | null {
  if (state === 0) return null;
  if (state === 2) return UTIL_BANDS[3];
  return util >= 0.8 ? UTIL_BANDS[2] : util >= 0.3 ? UTIL_BANDS[1] : UTIL_BANDS[0];
}

export const CAMERA_STATE_STYLE = [
  { id: 'ok', color: '#7cc7ff', label: 'Working', cue: 'pale cone' },
  { id: 'no-power', color: '#39404d', label: 'No power', cue: 'dark, no cone' },
  { id: 'no-network', color: '#6b7280', label: 'No network: records locally only', cue: 'grey cone' },
  { id: 'hijacked', color: '#ff9f43', label: 'Hijacked: looped or blinded view', cue: 'orange cone' },
  { id: 'botnet', color: '#d64dff', label: 'Botnet member', cue: 'magenta cone' },
  { id: 'offline', color: '#39404d', label: 'Out of service: switched off or being replaced', cue: 'dark, no cone' },
] as const;

/**
 * A stable colour per jurisdiction: the city's own is green, others from a fixed ring with no green
 * (it would read as home), red, violet, amber or teal (the link states the data-flow stripes sit on).
 */
const RING = ['#ff9a3c', '#8fd3ff', '#f5e6b8', '#c8915a', '#ffffff', '#ff7eb6'];
export function jurisdictionColor(j: string | null, home: string): string {
  if (j === null || j === home) return '#4fb37a';
  let h = 0;
  for (let i = 0; i < j.length; i++) h = (h * 31 + j.charCodeAt(i)) >>> 0;
  return RING[h % RING.length]!;
}

export const mbps = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(1)} Gb/s` : `${x >= 10 ? Math.round(x) : x.toFixed(1)} Mb/s`);
