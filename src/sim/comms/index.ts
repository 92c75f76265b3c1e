/**
 * sim/comms: the city's communications network — devices on access switches, aggregation nodes,
 * the core and internet uplinks; links with bandwidth carrying video, telemetry, control and
 * backup flows; zones with firewall rules; vendors' VPNs. Bandwidth is shared each second
 * (max-min fair or drop-tail proportional); control traffic that misses its deadline means the
 * device has lost comms.
 */
export * from './network';
export * from './sharing';
export * from './zones';
export * from './subsystem';
