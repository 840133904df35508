export { startSimulator, defaultPort, type RunningSimulator, type SimulatorOptions } from './server.js';
export { scenarios, aliceRecoveryKey, type Scenario } from './scenarios.js';
export type { OutboxMessage } from './model.js';
export { StateFileError } from './state-file.js';
export { simulatorControl, ControlApiError, type SimulatorControl } from './control-client.js';
