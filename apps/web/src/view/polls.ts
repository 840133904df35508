import type { Screen } from './screen-of.js';

/** The steps that wait on the server or the other device, so the page reads the state again by itself. */
export function screenWaitsOnServer(screen: Screen): boolean {
  switch (screen.name) {
    case 'waiting':
    case 'waiting-for-other-device':
    case 'choose-method':
    case 'compare-emojis':
    case 'qr-scanned':
      return true;
    case 'verify-device':
      // An incoming request from another device can arrive at any time.
      return screen.withOtherDevice;
    default:
      return false;
  }
}
