export { defaultBaseUrl } from './base-url.js';
export { simulatorHandlers, type SimulatorHandlers, type SimulatorHandlersOptions } from './simulator-handlers.js';
export { http, setupHttp, type SetupHttp } from './setup-http.js';
export { problem, problemHeaders } from './problem.js';
