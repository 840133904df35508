// `@beeper-setup/simulator/testing`: what a test suite needs to walk the flows against the simulator, whatever
// its test runner and whichever client or proxy it puts in front: no test runner is imported here.
export { startTestSimulator, type TestSimulator, type TestSimulatorOptions } from './simulator.js';
export { signInDriver, type Device, type SignInDriver, type SignInDriverOptions } from './sign-in.js';
export { forVerification, fetchSetupState, type SetupApi } from './requests.js';
export { manualClock, type ManualClock } from './clock.js';
export { rawRequest, type RawResponse } from './raw-request.js';
