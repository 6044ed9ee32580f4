import { defineConfig } from 'vite';
import { viteStaticCopy } from 'vite-plugin-static-copy';
import { CONTENT_SECURITY_POLICY } from './src/security/csp.ts';

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

export default defineConfig({
  plugins: [
    viteStaticCopy({
      targets: [
        // The model bundles and the MediaPipe runtime are served from the app's own origin.
        { src: 'models/*.task', dest: 'models' },
        { src: 'models/face-mesh.json', dest: 'models' },
        {
          src: 'node_modules/@mediapipe/tasks-vision/wasm/vision_wasm_internal.*',
          dest: 'mediapipe',
        },
        // The demo plays one of the corpus recordings (real-model landmarks of one of our clips).
        {
          src: 'tests/corpus/recorded/jawline-glide-correct-fist-both-head.trace.json.gz',
          dest: 'demo',
          rename: 'jawline-glide.trace.json.gz',
        },
        // NOTE: renamed to .js: servers send .cjs without a JavaScript MIME type, and importScripts refuses it.
        {
          src: 'node_modules/@mediapipe/tasks-vision/vision_bundle.cjs',
          dest: 'mediapipe',
          rename: 'vision_bundle.js',
        },
      ],
    }),
    {
      name: 'massage-coach:csp-meta',
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  ],
  server: { headers: securityHeaders },
  preview: { headers: securityHeaders },
  worker: { format: 'iife' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 800 },
});
