import type { operationTable } from './operation-table.js';

/** The name of one of the contract's operations, such as `verifyRecoveryKey`. */
export type OperationId = keyof typeof operationTable;

/** The operation a request is for, with the values of its path's parameters. */
export interface OperationMatch {
  operation: OperationId;
  /** Each parameter of the operation's path template by its name (`verificationID`), percent-decoded; none for a path without parameters. */
  params: Record<string, string>;
}

/**
 * The operation a request is for, or `undefined` when no operation has this method and path.
 * `method` in any case; `path` without a query string, either a template from the contract
 * (`/v1/app/setup/verifications/{verificationID}/accept`) or a concrete path (`/v1/app/setup/verifications/abc/accept`).
 */
export declare function findOperation(method: string, path: string): OperationId | undefined;

/**
 * The operation a request is for and its path's parameters, or `undefined` when no operation has this method and
 * path: the same lookup as {@link findOperation}, for a server that also needs the parameters. `method` in any case;
 * `path` concrete, without a query string. A parameter matches one non-empty segment and is percent-decoded; a
 * segment that does not decode is kept as sent. A path without parameters wins over a template that also matches it;
 * a template sent as the path matches with each parameter as its own `{name}`.
 */
export declare function matchOperation(method: string, path: string): OperationMatch | undefined;
