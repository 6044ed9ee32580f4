import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
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
    // Installable, and after the first visit it starts and runs a session with no network: the
    // service worker precaches the app, the MediaPipe runtime and wasm, the models and the demo.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: 'Massage coach',
        short_name: 'Massage coach',
        description: 'A facial self-massage coach that runs entirely on your device.',
        start_url: '.',
        display: 'standalone',
        background_color: '#0b1017',
        theme_color: '#0b1017',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,json,wasm,task,gz}'],
        // NOTE: Workbox skips files over 2 MiB by default; the models and the wasm are larger.
        maximumFileSizeToCacheInBytes: 40 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
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
