import { defaultBaseUrl } from '@beeper-setup/client';

/** Beeper Desktop's API, the target when neither `--target` nor `BEEPER_DESKTOP_BASE_URL` names one. */
export const desktopTarget = defaultBaseUrl;

/** A `--target` (or `BEEPER_DESKTOP_BASE_URL`) that names no API this server can forward to. */
export class InvalidTargetError extends Error {
  /** `source` names where the text came from when it was not a command-line option, such as `BEEPER_DESKTOP_BASE_URL`. */
  constructor(text: string, source?: string) {
    const what = `${JSON.stringify(text)} is not an http:// or https:// address without a path, such as ${desktopTarget}.`;
    super(source === undefined ? what : `${source}: ${what}`);
    this.name = 'InvalidTargetError';
  }
}

/**
 * The API as the proxy and the page name it: the origin of an http(s) address. A path is refused rather than
 * dropped, since the API's paths (`/v1/app/setup/...`) are always at the root of its server.
 */
export function targetOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidTargetError(text);
  }
  const isHttp = url.protocol === 'http:' || url.protocol === 'https:';
  if (!isHttp || url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new InvalidTargetError(text);
  }
  return url.origin;
}

/**
 * The target that the environment names, for `beeper-setup-web` without `--target` and for `npm run dev`:
 * `BEEPER_DESKTOP_BASE_URL` as an origin, else Beeper Desktop's. Empty counts as unset; anything else that is not
 * an http(s) address without a path throws an `InvalidTargetError` naming the variable.
 */
export function targetFromEnvironment(env: Readonly<Record<string, string | undefined>>): string {
  const value = env.BEEPER_DESKTOP_BASE_URL;
  if (value === undefined || value === '') return desktopTarget;
  try {
    return targetOrigin(value);
  } catch (error) {
    if (error instanceof InvalidTargetError) throw new InvalidTargetError(value, 'BEEPER_DESKTOP_BASE_URL');
    throw error;
  }
}
