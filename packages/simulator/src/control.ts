// `@beeper-setup/simulator/control`: the typed client of the simulator's control API (`/_sim/...`) alone, for a
// web page or a test that reaches a simulator running elsewhere (a Service Worker, a server, MSW handlers). It
// imports nothing of the simulator's core (no Ajv, no contract) and no `node:*` module at run time: only types.
export { simulatorControl, ControlApiError, type SimulatorControl } from './control-client.js';
export type { FetchFunction } from './fetch-function.js';
export type { OutboxMessage } from './core/model/records.js';
export type { Scenario } from './core/scenarios.js';
