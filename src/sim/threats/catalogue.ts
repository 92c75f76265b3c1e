/**
 * The catalogue of compromises the twin can play, each tagged with its MITRE ATT&CK for ICS or
 * Enterprise technique ids (https://attack.mitre.org), and the stage timings an attacker takes.
 * The catalogue is data: the UI lists it, the report cites it, the campaign reads its ids.
 */
export interface CompromiseEntry {
  readonly id: string;
  readonly title: string;
  readonly techniques: readonly string[];
  /** What stops it, in plain words (for the vendor panel and briefings). */
  readonly stoppedBy: string;
}

export const CATALOGUE: readonly CompromiseEntry[] = [
  {
    id: 'vendor-access',
    title: 'Vendor remote-access compromise: control of every asset of the vendor the segmentation lets its VPN reach',
    techniques: ['T0862', 'T0822'],
    stoppedBy: 'no vendor remote access; cutting the VPN; segmentation limits the reach',
  },
  {
    id: 'default-credentials',
    title: 'Default credentials on internet-exposed devices',
    techniques: ['T0812', 'T0883'],
    stoppedBy: 'segmentation (no inbound from the internet); reflashing with new credentials',
  },
  {
    id: 'firmware-backdoor',
    title: 'Firmware backdoor with a trigger time',
    techniques: ['T0857', 'T0839'],
    stoppedBy: 'banning the vendor; reflashing firmware; segmentation blocks its call home',
  },
  { id: 'manipulate-control', title: 'Manipulation of control', techniques: ['T0831'], stoppedBy: 'manual operation; isolating the zone' },
  { id: 'manipulate-view', title: 'Manipulation of view: looped or blinded cameras', techniques: ['T0832'], stoppedBy: 'reflashing the cameras' },
  {
    id: 'theft',
    title: 'Theft of operational information and transfer to a cloud account',
    techniques: ['T0882', 'T1537'],
    stoppedBy: 'egress monitoring and isolating the zone; edge anonymisation makes it worth less',
  },
  {
    id: 'compelled-disclosure',
    title: 'Compelled disclosure: a legal order to the vendor, no hacking',
    techniques: [],
    stoppedBy: 'only data localisation (nothing in the vendor cloud) or minimisation (anonymised at the edge)',
  },
  {
    id: 'ransomware',
    title: "Ransomware on the operator's IT: loss of view, operation turns manual",
    techniques: ['T0829', 'T1486'],
    stoppedBy: 'offline backups; segmentation of IT from OT',
  },
  {
    id: 'botnet',
    title: 'Camera botnet flooding the network (Mirai, 2016)',
    techniques: ['T0814', 'T1498'],
    stoppedBy: 'fair queueing (QoS) on the backhaul; isolating the CCTV zone; reflashing',
  },
];

/** Technique ids used by the stages of a campaign. */
export const TECHNIQUE = {
  supplyChain: 'T0862',
  externalRemoteServices: 'T0822',
  defaultCredentials: 'T0812',
  internetAccessible: 'T0883',
  systemFirmware: 'T0857',
  moduleFirmware: 'T0839',
  remoteSystemDiscovery: 'T0846',
  remoteServices: 'T0886',
  manipulationOfControl: 'T0831',
  manipulationOfView: 'T0832',
  lossOfView: 'T0829',
  theftOfOperationalInformation: 'T0882',
  transferToCloudAccount: 'T1537',
  denialOfService: 'T0814',
} as const;

/** Asset kinds an attacker inside a zone tries next (devices with management interfaces). */
export const LATERAL_KINDS: readonly string[] = ['camera', 'nvr', 'traffic-signal', 'pumping-station', 'water-treatment', 'substation', 'access-switch'];

/** Chance that a device met during lateral movement falls (unpatched, weak or shared credentials). */
export const LATERAL_SUCCESS = 0.5;

/** Response durations: how long the operator's actions take to bite. */
export const RESPONSE_MS = {
  isolateZone: 5 * 60_000,
  cutVendorAccess: 15 * 60_000,
  /** Per site, with crews working in parallel. */
  reflash: 30 * 60_000,
  reflashCrews: 8,
  /** Staff to reach signal controllers and plant and run them by hand. */
  manual: 30 * 60_000,
  /** A vendor's legal team answering an order. */
  disclosure: 2 * 3_600_000,
} as const;
