// Build and dev-server configuration of the Fellwatch web client (installable PWA).
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig, type ProxyOptions } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const apiTarget = process.env.FELLWATCH_API ?? 'http://localhost:8080';
// The server accepts cookie-carrying stream upgrades only from its PUBLIC_URL origin. The dev and preview
// servers stand in for it as a same-origin front, so they present that origin on the requests they forward.
const apiOrigin = new URL(process.env.FELLWATCH_PUBLIC_URL ?? apiTarget).origin;
const apiProxy: Record<string, ProxyOptions> = {
  '/api': {
    target: apiTarget,
    changeOrigin: false,
    ws: true,
    configure(proxy) {
      proxy.on('proxyReq', (req) => {
        if (req.getHeader('origin')) req.setHeader('origin', apiOrigin);
      });
      proxy.on('proxyReqWs', (req) => req.setHeader('origin', apiOrigin));
    },
  },
};

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
        // Priority notices with Fellwatch closed: showing them and opening the group's list (public/push-handler.js).
        importScripts: ['/push-handler.js'],
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
  server: { proxy: apiProxy },
  preview: { proxy: apiProxy },
});
