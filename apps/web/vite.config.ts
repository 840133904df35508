import { defineConfig, type Plugin } from 'vite';

const target = process.env.BEEPER_DESKTOP_BASE_URL ?? 'http://localhost:23373';

/** In development, the page names the API it sets up as the built app's server does. */
function targetMeta(): Plugin {
  return {
    name: 'beeper-setup-target',
    apply: 'serve',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'beeper-setup-target', content: target }, injectTo: 'head' }],
  };
}

export default defineConfig({
  plugins: [targetMeta()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/v1/app/setup': {
        target,
        changeOrigin: true,
        // The target refuses pages of other origins; this proxy is the page's own origin, so it says none.
        configure: (proxy) => proxy.on('proxyReq', (request) => request.removeHeader('origin')),
      },
    },
  },
  // No inline script: the page's Content-Security-Policy allows scripts from 'self' only.
  build: { modulePreload: { polyfill: false } },
});
