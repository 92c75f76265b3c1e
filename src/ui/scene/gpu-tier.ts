/**
 * Whether WebGL runs on a real GPU or in software (SwiftShader, llvmpipe): briefing laptops in
 * locked-down rooms and headless CI often have only the latter. In software we trade edge
 * smoothing and resolution for a page that keeps responding.
 */
export interface RenderTier {
  readonly software: boolean;
  readonly renderer: string;
}

let cached: RenderTier | null = null;

export function renderTier(): RenderTier {
  if (cached) return cached;
  let renderer = 'unknown';
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (gl) {
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      renderer = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No WebGL at all: the canvas will report it; treat as software so we ask for the least.
    renderer = 'none';
  }
  cached = { software: /swiftshader|llvmpipe|software|softpipe|none/i.test(renderer), renderer };
  return cached;
}
