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
 * Where a router sends a request: an operation with its path's parameters; for a known path that takes another
 * method, the methods it takes (`allowedMethods`, as a 405's `Allow` lists them, `HEAD` wherever `GET` is); for an
 * unknown path, `undefined`.
 */
export type Routed<Id extends string> = { operation: Id; params: Record<string, string> } | { allowedMethods: string[] } | undefined;

/** A router: `method` in any case (`HEAD` finds the `GET` operation), `path` concrete or a template, without a query string. */
export type Router<Id extends string> = (method: string, path: string) => Routed<Id>;

/**
 * The router of an operation table (`operationTable`, or another API's of the same shape). A path's candidates are
 * found first, then the method among them, as Prism's router does, so that 404 and 405 come from one lookup. A
 * parameter matches one non-empty segment and is percent-decoded (a segment that does not decode is kept as sent);
 * a path without parameters wins over a template that also matches it.
 */
export declare function createRouter<Id extends string>(table: Record<Id, { readonly method: string; readonly path: string }>): Router<Id>;

/** The router of the setup API's operations: what {@link findOperation} and {@link matchOperation} read. */
export declare const routeOperation: Router<OperationId>;

/**
 * The operation a request is for, or `undefined` when no operation has this method and path.
 * `method` in any case; `path` without a query string, either a template from the contract
 * (`/v1/app/setup/verifications/{verificationID}/accept`) or a concrete path (`/v1/app/setup/verifications/abc/accept`).
 */
export declare function findOperation(method: string, path: string): OperationId | undefined;

/**
 * The operation `method` has on a path template of the contract (`/v1/app/setup/verifications/{verificationID}/accept`),
 * as openapi-fetch's `schemaPath` gives it, or `undefined`: one look in the compiled routes that
 * {@link routeOperation} reads, without matching a concrete path. `method` in any case (`HEAD` finds the `GET`
 * operation). Alone, it leaves the router's patterns out of a bundle.
 */
export declare function findTemplateOperation(method: string, template: string): OperationId | undefined;

/**
 * The operation a request is for and its path's parameters, or `undefined` when no operation has this method and
 * path: the same lookup as {@link findOperation}, for a server that also needs the parameters. `method` in any case;
 * `path` concrete, without a query string. A parameter matches one non-empty segment and is percent-decoded; a
 * segment that does not decode is kept as sent. A path without parameters wins over a template that also matches it;
 * a template sent as the path matches with each parameter as its own `{name}`.
 */
export declare function matchOperation(method: string, path: string): OperationMatch | undefined;
