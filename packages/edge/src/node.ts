// `@beeper-setup/edge/node` (Node only): the edge where a Node server needs more than a request's headers: the raw
// socket, `Expect: 100-continue`, the body stream, how it listens. The main entry stays free of `node:*`.
export { answerClientError, continueIfItFits, refuseConnect, sendProblem, type ExtraHeaders } from './node/answers.js';
export { readBody } from './node/body.js';
export { portNumber, serverOptions } from './node/listen.js';
