/**
 * sim/water: the water network on EPANET 2.3 (epanet-js, loaded lazily as WASM). A model opened
 * from .inp text and stepped in time with the city (pressure-driven demands, SI results whatever
 * the file's units), readable errors for malformed files, PLCs that take over the file's level
 * controls and act on readings an attacker can spoof or cut off, and the subsystem that couples
 * pumps to power, consumers to service and SCADA to what arrives. Imports only sim/core and
 * epanet-js.
 */
export * from './engine';
export * from './units';
export * from './inp-errors';
export * from './model';
export * from './plc';
export * from './subsystem';
export { Consumers, SERVICE_DEGRADED, SERVICE_LOST, powerLeftS } from './consumers';
export * from './snapshot';
export * from './final';
export * from './state';
