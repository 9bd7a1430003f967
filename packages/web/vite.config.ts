// Build and dev-server configuration of the Fellwatch web client (installable PWA).
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiTarget = process.env.FELLWATCH_API ?? 'http://localhost:8080';

export default defineConfig({
  // Workspace packages expose their TypeScript sources under the "source" condition.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  plugins: [
    react(),
    VitePWA({
      // Registered from main.tsx so that index.html carries no inline script (CSP).
      injectRegister: null,
      registerType: 'prompt',
      includeAssets: ['favicon.svg', 'icons/apple-touch-icon.png'],
      manifest: {
        name: 'Fellwatch',
        short_name: 'Fellwatch',
        description:
          'Vetted rural watch groups: messages, photos and locations shared with neighbours and police.',
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f5f7f5',
        theme_color: '#264d3b',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        navigateFallback: '/index.html',
        // The API, media and the stream never come from the app-shell cache.
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/, /^\/readyz/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // The domain core has no IO by design, and neither do its geodesy helpers: whatever the client
        // does not import (OS grid, plus codes) can be left out of the download.
        moduleSideEffects: [
          { test: /[\\/]packages[\\/](core|protocol)[\\/]src[\\/]/, sideEffects: false },
          { test: /[\\/]node_modules[\\/](geodesy|open-location-code)[\\/]/, sideEffects: false },
        ],
      },
    },
  },
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false, ws: true } },
  },
  preview: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false, ws: true } },
  },
});
