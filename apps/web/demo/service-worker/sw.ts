// The demo's Service Worker: the simulator, in this browser. It answers the contract's API and the control API
// under this origin, and lets every other request go to the network.
import { createSimulator } from '@beeper-setup/simulator/fetch';
import { claimRequest, controlTokenRequest } from '../worker-messages.js';

declare const self: ServiceWorkerGlobalScope;

// The other device accepts and confirms by itself, so one person can finish a device verification with nothing
// but this page.
const simulator = createSimulator({ autoOtherDevice: true });

const simulatedPath = /^\/(v1\/app\/setup(\/|$)|_sim\/)/;

// A new worker takes over at once, and takes the page that registered it, so that its first call is answered here.
self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin === self.location.origin && simulatedPath.test(url.pathname)) event.respondWith(simulator.fetch(event.request));
});

// Only pages of this origin can post to this worker; the token goes back by message, never in a URL.
self.addEventListener('message', (event) => {
  if (event.data === controlTokenRequest) event.ports[0]?.postMessage(simulator.controlToken);
  // A page loaded with a hard reload bypasses an active worker until the worker claims it.
  if (event.data === claimRequest) event.waitUntil(self.clients.claim());
});
