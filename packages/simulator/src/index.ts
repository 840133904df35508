export { startSimulator, defaultPort, type RunningSimulator, type SimulatorOptions } from './http/server.js';
export type { WorldHandover } from './core/model/world.js';
export { createSimulator, type PortableSimulator, type PortableSimulatorOptions, type Clock } from './fetch/index.js';
export { scenarios, aliceRecoveryKey } from './core/scenarios.js';
export { StateFileError } from './http/state-file.js';
export { simulatorControl, ControlApiError, type SimulatorControl, type FetchFunction, type OutboxMessage, type Scenario } from './control/index.js';
