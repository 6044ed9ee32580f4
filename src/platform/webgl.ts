/** What WebGL 2 runs on here. */
export type WebGlKind = 'none' | 'software' | 'hardware';

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|software|basic render/i;

let cached: WebGlKind | null = null;

/**
 * Whether WebGL 2 runs on a real GPU, a software rasteriser or not at all. Decides the MediaPipe
 * delegate (the GPU one is slower in software) and how much the overlay may render. Probed once.
 */
export function webGlKind(): WebGlKind {
  if (cached) return cached;
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) {
    cached = 'none';
    return cached;
  }
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  cached = renderer === '' || SOFTWARE_RENDERER.test(renderer) ? 'software' : 'hardware';
  return cached;
}
