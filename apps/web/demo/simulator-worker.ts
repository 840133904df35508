import { claimRequest, controlTokenRequest } from './worker-messages.js';

/**
 * Registers the Service Worker that holds the simulator and resolves once it controls this page: until then the
 * wizard's calls would go to the static host, which has no API.
 */
export async function startSimulatorWorker(): Promise<void> {
  const { serviceWorker } = navigator;
  if (!serviceWorker) throw new Error('this browser offers no Service Worker here (it needs https, or http on localhost)');
  const controlled = new Promise<void>((resolve) => {
    if (serviceWorker.controller) resolve();
    else serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
  await serviceWorker.register('/sw.js', { scope: '/' });
  const registration = await serviceWorker.ready;
  if (!serviceWorker.controller) registration.active?.postMessage(claimRequest);
  await controlled;
}

/** The simulator's control token, asked of the worker that controls this page (a new worker has a new token). */
export function controlToken(): Promise<string> {
  const worker = navigator.serviceWorker.controller;
  if (!worker) return Promise.reject(new Error('no Service Worker controls this page'));
  const { port1, port2 } = new MessageChannel();
  const answer = new Promise<string>((resolve) => {
    port1.onmessage = (event: MessageEvent<string>) => resolve(event.data);
  });
  worker.postMessage(controlTokenRequest, [port2]);
  return answer;
}
