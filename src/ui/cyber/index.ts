/**
 * The cyber layers: the comms network by link utilisation with exfiltration drawn distinctly,
 * camera view cones by state, their legends and the vendor panel (who supplies what, and the
 * exposure if that vendor is compromised or compelled) with its policy switches. Scene code (three.js) is in
 * cyber-layer.tsx and is imported only by the 3D chunk.
 */
export { COMMS_LAYER, CCTV_LAYER, UTIL_BANDS, CAMERA_STATE_STYLE, utilBand, jurisdictionColor } from './cyber-style';
export { CommsLegend, CctvLegend, VendorPanel } from './cyber-panels';
