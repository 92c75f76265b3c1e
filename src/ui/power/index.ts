/**
 * The power layer: the grid's lines coloured by loading, trips numbered in cascade order, the
 * grid part of the inspector, its legend, and the operator (SCADA) view of flows. Scene code
 * (three.js) lives in power-layer.tsx and power-line-material.ts and is imported only by the 3D
 * chunk; everything else here is plain data or React panels for the shell.
 */
export { LOADING_BANDS, loadingBand, shownLoading, busState, lineName, spoofed, type LoadingBand, type BusState } from './power-style';
export { powerTrack, ingestPowerEvents, startPowerTracking, type PowerTrackState, type BranchChange } from './power-track';
