// The demo: the wizard and a Simulator panel as a static site, with the simulator in a Service Worker (sw.js).
import { fileURLToPath } from 'node:url';
import { build, mergeConfig, type Plugin } from 'vite';
import { contentSecurityPolicy, pageDirectives } from './server/content-security-policy.js';
import { wizardConfig } from './vite.config.js';

const demoFolder = fileURLToPath(new URL('demo/', import.meta.url));
const outDir = fileURLToPath(new URL('dist-demo/', import.meta.url));

/** The wizard's policy, and the page may register its Service Worker, sw.js, from its own origin. */
export const demoPolicy = contentSecurityPolicy({ ...pageDirectives, 'worker-src': "'self'" });

/**
 * Builds sw.js into the site's root as one classic script: a worker's scope can reach no higher than the folder
 * of its script, and a classic worker runs in every browser with Service Workers.
 */
function serviceWorker(): Plugin {
  return {
    name: 'beeper-setup-demo-service-worker',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          lib: { entry: `${demoFolder}service-worker/sw.ts`, formats: ['iife'], name: 'beeperSetupSimulator', fileName: () => 'sw.js' },
        },
      });
    },
  };
}

export default mergeConfig(wizardConfig({ policy: demoPolicy }), {
  root: demoFolder,
  plugins: [serviceWorker()],
  build: { outDir, emptyOutDir: true },
});
