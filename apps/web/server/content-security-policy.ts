/**
 * The wizard's Content-Security-Policy, written once: the built page carries it in a meta element (vite.config.ts
 * injects it), `beeper-setup-web` sends it as a header with `frame-ancestors 'none'` (security-headers.ts), and the
 * demo's page adds `worker-src 'self'` (vite.demo.config.ts). No inline script or style: the styles are one CSS
 * file, the QR code an `img` with an SVG `data:` URL.
 */
export const pageDirectives: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'self'",
};

/** The text of a policy, its directives in the order given. */
export function contentSecurityPolicy(directives: Readonly<Record<string, string>>): string {
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** The page's policy, as its meta element states it. */
export const pagePolicy = contentSecurityPolicy(pageDirectives);

/** `frame-ancestors` works only as a header: the page's policy plus that, as `beeper-setup-web` sends it. */
export const headerPolicy = contentSecurityPolicy({ ...pageDirectives, 'frame-ancestors': "'none'" });
