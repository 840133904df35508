// `@beeper-setup/simulator/control`: the typed client of the simulator's control API (`/_sim/...`) alone, for a
// web page or a test that reaches a simulator running elsewhere (a Service Worker, a server, MSW handlers). At run
// time it imports openapi-fetch and the control contract's operation table, nothing of the simulator's core (no Ajv,
// no validator) and no `node:*` module.
export { simulatorControl, ControlApiError, type SimulatorControl } from './client.js';
export type { FetchFunction } from './fetch-function.js';
export type { OutboxMessage, Scenario } from '@beeper-setup/contract/control';
