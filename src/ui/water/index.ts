/**
 * The water layer: pipes by flow, demand nodes by service, tanks as fill levels, pumps by state;
 * the water part of the inspector (pumps, tanks, PLCs with SCADA beside the truth, consumers with
 * the time left before they lose water) and its legend. Scene code (three.js) is in
 * water-layer.tsx and is imported only by the 3D chunk; the rest is plain data or React panels.
 */
export { WATER_LAYER, FLOW_BANDS, SERVICE_BANDS, flowBand, serviceBand, pumpState, timeLeft, readingSpoofed } from './water-style';
export { WaterAssetSection, WaterLegend } from './water-panels';
