// What the demo page posts to its Service Worker.

/** Asks for the simulator's control token, answered on the port sent along. */
export const controlTokenRequest = 'beeper-setup-demo:control-token';

/** Asks the worker to control the pages it does not yet control. */
export const claimRequest = 'beeper-setup-demo:claim';
