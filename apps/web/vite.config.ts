import { defineConfig, type Connect, type Plugin, type UserConfig } from 'vite';
import { pagePolicy } from './server/content-security-policy.js';
import { crossSiteRefusal, refusalOf } from './server/request-rules.js';
import { securityHeaders } from './server/security-headers.js';
import { defaultPort } from './server/serve.js';
import { targetFromEnvironment } from './server/target.js';

/** What the dev server's proxy forwards, matched as Vite's proxy matches its keys: the paths that start with it. */
const apiPrefix = '/v1/app/setup';

/** In development, the page names the API it sets up as the built app's server does. */
function targetMeta(target: string): Plugin {
  return {
    name: 'beeper-setup-target',
    apply: 'serve',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { name: 'beeper-setup-target', content: target }, injectTo: 'head' }],
  };
}

/**
 * The page's Content-Security-Policy (server/content-security-policy.ts) as the first element of its head, before
 * anything it governs. `frame-ancestors` works only as a header: `beeper-setup-web` sends that.
 */
export function contentSecurityPolicyMeta(policy: string): Plugin {
  return {
    name: 'beeper-setup-content-security-policy',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

/**
 * `beeper-setup-web`'s rules (server/request-rules.ts) in front of the dev and preview servers' proxy: the proxy
 * drops `Origin`, so a request that another page sent must be refused here, with the same problems, before the
 * target's own origin check can no longer see it.
 */
function apiRequestRules(): Plugin {
  const refuseOtherPages: Connect.NextHandleFunction = (request, response, next) => {
    if (!request.url?.startsWith(apiPrefix)) return next();
    const refusal = refusalOf(request.headers) ?? crossSiteRefusal(request.headers);
    if (refusal === undefined) return next();
    response
      .writeHead(refusal.status, { ...securityHeaders, 'content-type': 'application/problem+json', 'cache-control': 'no-store' })
      .end(JSON.stringify(refusal));
  };
  return {
    name: 'beeper-setup-api-request-rules',
    // Added here, these run before Vite's own middlewares, the proxy included.
    configureServer: (server) => void server.middlewares.use(refuseOtherPages),
    configurePreviewServer: (server) => void server.middlewares.use(refuseOtherPages),
  };
}

/** The wizard's configuration with this Content-Security-Policy in its page; the demo's takes another. */
export function wizardConfig({ policy }: { policy: string }): UserConfig {
  const target = targetFromEnvironment(process.env);
  return {
    plugins: [contentSecurityPolicyMeta(policy), targetMeta(target), apiRequestRules()],
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    server: {
      host: '127.0.0.1',
      port: defaultPort,
      strictPort: true,
      proxy: {
        [apiPrefix]: {
          target,
          changeOrigin: true,
          // What the browser says about itself stays here, as in beeper-setup-web: after the rules above, an Origin
          // is this server's own, which the target would refuse.
          configure: (proxy) =>
            proxy.on('proxyReq', (request) => {
              for (const header of ['origin', 'referer', 'cookie']) request.removeHeader(header);
            }),
        },
      },
    },
    // No inline script: the page's Content-Security-Policy allows scripts from 'self' only.
    build: { modulePreload: { polyfill: false } },
  };
}

export default defineConfig(wizardConfig({ policy: pagePolicy }));
