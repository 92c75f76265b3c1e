/**
 * The shader for dependency links. A supplied link is a faint line tinted by its kind; a link on
 * backup shows amber dashes moving from supplier to dependent; a lost link pulses red. When a link
 * changes state the new look sweeps along it from the supplier, starting after the links upstream
 * of it, so a cascade is seen travelling through the city in order.
 */
import { Color, ShaderMaterial } from 'three';
import { SUPPLY_COLOR } from '../palette';

export const EDGE_KIND_COLOR = ['#6f8fb8', '#58b4c9', '#a3a86e', '#a58fcf'] as const;
export const EDGE_KIND_INDEX: Record<string, number> = { physical: 0, cyber: 1, geographic: 2, logical: 3 };
/** Seconds a state change takes to sweep along one link. */
export const SWEEP_S = 0.6;

/** What the vertex shader hands the fragment shader: declared once, so the two always agree. */
const varyings = /* glsl */ `
varying float vT;
varying float vLen;
varying float vState;
varying float vVis;
varying float vKind;
varying float vStart;`;

const vertex = /* glsl */ `
attribute float aT;
attribute float aLen;
attribute float aState;
attribute float aVis;
attribute float aKind;
attribute float aStart;
${varyings}
void main() {
  vT = aT; vLen = aLen; vState = aState; vVis = aVis; vKind = aKind; vStart = aStart;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}
`;

const fragment = /* glsl */ `
uniform float uTime;
uniform float uSweep;
uniform vec3 uKind[4];
uniform vec3 uBuffer;
uniform vec3 uLost;
${varyings}
void main() {
  if (vVis < 0.5) discard;
  bool selected = vVis > 1.5;
  float swept = (uTime - vStart) / uSweep;
  vec3 base = uKind[int(vKind + 0.5)];
  if (vState < 0.5 || vT > swept) {
    if (selected) gl_FragColor = vec4(mix(base, vec3(1.0), 0.45), 0.95);
    else gl_FragColor = vec4(base, 0.2);
    return;
  }
  float along = vT * vLen;
  if (vState < 1.5) {
    // On backup: dashes 60 m long moving toward the dependent.
    if (fract(along / 90.0 - uTime * 0.9) > 0.62) discard;
    gl_FragColor = vec4(uBuffer, 1.0);
  } else {
    float beat = 0.55 + 0.45 * sin(uTime * 6.0 - along / 40.0);
    gl_FragColor = vec4(uLost * (0.75 + 0.45 * beat), 1.0);
  }
}
`;

export function makeLinkMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader: vertex,
    fragmentShader: fragment,
    transparent: true,
    depthWrite: false,
    uniforms: {
      uTime: { value: 0 },
      uSweep: { value: SWEEP_S },
      uKind: { value: EDGE_KIND_COLOR.map((c) => new Color(c)) },
      uBuffer: { value: new Color(SUPPLY_COLOR[1]) },
      uLost: { value: new Color(SUPPLY_COLOR[2]) },
    },
  });
}
