export type * from './schema.js';
import type { Problem } from './schema.js';
/** One offending field of an `invalid_request` problem: a JSON Pointer into the request body and what is wrong there. */
export type FieldError = NonNullable<Problem['errors']>[number];
export { operationTable } from './operation-table.js';
export { problemTable } from './problem-table.js';
export { defaultServerUrl, endedVerificationStates, verificationActionOperations, verificationActionPaths } from './flow-table.js';
export { requestLimits } from './limits-table.js';
export { createRouter, findOperation, findTemplateOperation, matchOperation, routeOperation, type OperationId, type OperationMatch, type Routed, type Router } from './find-operation.js';
export { deref, pointerRef, pointerSegments, pointerToken, resolvedSegments, valueAt } from './json-pointer.js';
