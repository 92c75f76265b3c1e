/**
 * sim/population: synthetic residents in structure-of-arrays form (homes, households, ages,
 * occupations), their daily activity chains, movement on the street grid with travel times by
 * mode, and the records each sensing system keeps as they move — ANPR reads, face matches,
 * smart-card taps, Wi-Fi probe sightings, half-hourly smart-meter readings and hourly counts —
 * with each dataset's anonymisation applied on release, and what the attacker holds.
 */
export * from './model';
export * from './people';
export * from './activity';
export * from './records';
export * from './sensors';
export * from './travel';
export * from './movement';
export * from './household-meters';
export * from './release';
export * from './subsystem';
