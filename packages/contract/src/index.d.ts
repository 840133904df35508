export type * from './schema.js';
export { operationTable } from './operation-table.js';
export { problemTable } from './problem-table.js';
export { defaultServerUrl, endedVerificationStates, verificationActionOperations, verificationActionPaths } from './flow-table.js';
export { createRouter, findOperation, matchOperation, routeOperation, type OperationId, type OperationMatch, type Routed, type Router } from './find-operation.js';
export { deref, pointerRef, pointerSegments, pointerToken, resolvedSegments, valueAt } from './json-pointer.js';
