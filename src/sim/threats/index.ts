/** sim/threats: compromises and attacker actions (tagged with MITRE ATT&CK ids), and their effects on assets. */
export * from './select';
export * from './apply';
export * from './catalogue';
export * from './exfiltration';
export * from './cyber';
export * from './swap-plan';
export * from './vendor-ban';
