import type { operationTable } from './operation-table.js';

/** The name of one of the contract's operations, such as `verifyRecoveryKey`. */
export type OperationId = keyof typeof operationTable;

/**
 * The operation a request is for, or `undefined` when no operation has this method and path.
 * `method` in any case; `path` without a query string, either a template from the contract
 * (`/v1/app/setup/verifications/{verificationID}/accept`) or a concrete path (`/v1/app/setup/verifications/abc/accept`).
 */
export declare function findOperation(method: string, path: string): OperationId | undefined;
