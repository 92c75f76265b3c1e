/**
 * sim/cctv: cameras (position, mounting height, heading, field of view, range), their coverage of
 * streets and building entrances against building footprints, camera states, and the analytics
 * (ANPR, face matching, people counting) whose detection records the population/privacy work
 * reads. See detections.ts for the record contract.
 */
export * from './detections';
export * from './coverage';
export * from './subsystem';
