export { operationTable } from './operation-table.js';
export { problemTable } from './problem-table.js';
export { defaultServerUrl, endedVerificationStates, verificationActionOperations, verificationActionPaths } from './flow-table.js';
export { requestLimits } from './limits-table.js';
export { createRouter, findOperation, findTemplateOperation, matchOperation, routeOperation } from './find-operation.js';
export { deref, pointerRef, pointerSegments, pointerToken, resolvedSegments, valueAt } from './json-pointer.js';
