/** A `--target` (or `BEEPER_DESKTOP_BASE_URL`) that names no API this server can forward to. */
export class InvalidTargetError extends Error {
  constructor(text: string) {
    super(`${JSON.stringify(text)} is not an http:// or https:// address without a path, such as http://localhost:23373.`);
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
