/**
 * The shader for power lines: a ribbon of constant width on screen (so a line reads at the
 * whole-city view and close up alike), drawn over the buildings with a dark casing and cross
 * ticks like a map's transmission-line symbol. Per line: the loading band sets colour and width,
 * an overloaded line pulses, an open line is grey, dashed and broken in the middle, a line that
 * has just tripped flashes, and in the truth view a line whose SCADA reading is spoofed gets a
 * magenta casing.
 */
import { Color, ShaderMaterial, Vector2 } from 'three';
import { LOADING_BANDS, OPEN_LINE_COLOR, SPOOF_COLOR } from './power-style';

/** What the vertex shader hands the fragment shader: declared once, so the two always agree. */
const varyings = /* glsl */ `
varying float vSide;
varying float vAlong;
varying float vLen;
varying float vBand;
varying float vOpen;
varying float vFlash;
varying float vSel;
varying float vWidth;
varying float vSpoof;`;

const vertex = /* glsl */ `
attribute vec3 aOther;
attribute float aSide;
attribute float aEnd;
attribute float aLen;
attribute float aSize;
attribute float aOtherSize;
attribute float aBand;
attribute float aOpen;
attribute float aFlash;
attribute float aSel;
attribute float aSpoof;
uniform vec2 uViewport;
uniform float uLift;
uniform float uTime;
${varyings}
void main() {
  vec3 p = position; p.y += uLift * aSize;
  vec3 q = aOther; q.y += uLift * aOtherSize;
  vec4 a = projectionMatrix * modelViewMatrix * vec4(p, 1.0);
  vec4 b = projectionMatrix * modelViewMatrix * vec4(q, 1.0);
  vec2 sa = a.xy / a.w * uViewport;
  vec2 sb = b.xy / b.w * uViewport;
  // The same screen direction (from → to) at both ends, so aSide names the same edge at both.
  vec2 dir = normalize(aEnd < 0.5 ? sb - sa : sa - sb);
  vec2 n = vec2(-dir.y, dir.x);
  float flash = uTime - aFlash;
  float w = aOpen > 0.5 ? 6.0 : 7.0 + aBand * 1.6;
  if (aBand > 2.5 && aOpen < 0.5) w += 2.0;
  if (flash >= 0.0 && flash < 4.0) w += 5.0 * (1.0 - flash / 4.0);
  if (aSel > 0.5) w += 3.0;
  a.xy += n * aSide * w / uViewport * a.w;
  gl_Position = a;
  vSide = aSide; vAlong = aEnd * aLen; vLen = aLen; vBand = aBand; vOpen = aOpen; vFlash = flash; vSel = aSel; vWidth = w; vSpoof = aSpoof;
}
`;

const fragment = /* glsl */ `
uniform vec3 uBand[4];
uniform vec3 uOpen;
uniform vec3 uCasing;
uniform vec3 uSpoof;
uniform float uTime;
uniform float uTrim;
uniform float uDash;
${varyings}
void main() {
  // Stop short of the substations' markers so they stay visible at the ends.
  if (vAlong < uTrim || vAlong > vLen - uTrim) discard;
  float edge = abs(vSide);
  float casingFrom = 1.0 - 2.6 / max(vWidth, 1.0);
  vec3 casing = vSel > 0.5 ? vec3(1.0) : vSpoof > 0.5 ? uSpoof : uCasing;
  vec3 core;
  if (vOpen > 0.5) {
    // Open: grey dashes with a gap in the middle where the badge sits.
    if (abs(vAlong - vLen * 0.5) < uDash * 0.9) discard;
    if (fract(vAlong / uDash) > 0.6) discard;
    core = uOpen;
  } else {
    int band = int(vBand + 0.5);
    core = uBand[band];
    // Ticks across the line every so often: the map symbol for an overhead line.
    if (fract(vAlong / (uDash * 3.0)) < 0.04) core *= 0.45;
    if (band == 3) core *= 0.7 + 0.45 * (0.5 + 0.5 * sin(uTime * 7.0));
  }
  if (vFlash >= 0.0 && vFlash < 4.0) {
    float blink = 0.5 + 0.5 * sin(vFlash * 14.0);
    core = mix(core, vec3(1.0, 0.95, 0.8), blink * (1.0 - vFlash / 4.0));
  }
  gl_FragColor = vec4(edge > casingFrom ? casing : core, 1.0);
  // Colours are given in sRGB like the legend's; three.js holds them linear, so convert back.
  #include <colorspace_fragment>
}
`;

export function makePowerLineMaterial(): ShaderMaterial {
  return new ShaderMaterial({
    vertexShader: vertex,
    fragmentShader: fragment,
    transparent: true,
    depthTest: false,
    depthWrite: false,
    uniforms: {
      uViewport: { value: new Vector2(800, 600) },
      uLift: { value: 20 },
      uTime: { value: 0 },
      uTrim: { value: 30 },
      uDash: { value: 40 },
      uBand: { value: LOADING_BANDS.map((b) => new Color(b.color)) },
      uOpen: { value: new Color(OPEN_LINE_COLOR) },
      uCasing: { value: new Color('#0b0e14') },
      uSpoof: { value: new Color(SPOOF_COLOR) },
    },
  });
}
