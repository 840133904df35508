// `@beeper-setup/edge`: the HTTP edge every server here shares (the simulator, the mock's guard, the web server, the
// MSW handlers), apart from schema validation: no Ajv, no document, no `node:*` (that is `./node`).
export { problem, problemAnswer, problemHeaders, problemMediaType, type ProblemAnswer, type ProblemHeaderValues } from './problem.js';
export { bearerToken, isLoopbackHostname, refusedRequest, unsupportedMediaType, type CheckedHeaders, type RequestPolicy } from './request-checks.js';
export { invalidRequest, isOverBodyLimit, nestsDeeperThan, parseJsonBody, payloadTooLarge, type ParsedBody } from './request-body.js';
export { refusedRoute, type Unrouted } from './route.js';
