import { operationTable } from './operation-table.js';

/** @typedef {import('./find-operation.js').OperationId} OperationId */
/** @typedef {import('./find-operation.js').OperationMatch} OperationMatch */
/**
 * One path of a table: its operations by upper-case method (`HEAD` beside `GET`, which answers it), in the order an
 * `Allow` header lists them, and the pattern of a templated path.
 * @typedef {{ operations: Map<string, string>, pattern: RegExp | undefined }} PathRoutes
 */

/**
 * The router of an operation table (`operationTable`, or the control API's): a path's candidates are found first,
 * then the method among them, as Prism's router does, so that "no such path" (404) and "not this method" (405 with
 * the path's `Allow`) come from one lookup.
 * @template {string} Id
 * @param {Record<Id, { method: string, path: string }>} table
 */
export function createRouter(table) {
  /** @type {Map<string, PathRoutes>} every path of the table, templated ones too, by its text */
  const byPath = new Map();
  for (const [id, { method, path }] of /** @type {[Id, { method: string, path: string }][]} */ (Object.entries(table))) {
    // A parameter matches one non-empty path segment, captured under its name.
    const pattern = path.includes('{') ? new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, '(?<$1>[^/]+)')}$`) : undefined;
    const routes = byPath.get(path) ?? { operations: new Map(), pattern };
    byPath.set(path, routes);
    const upper = method.toUpperCase();
    routes.operations.set(upper, id);
    if (upper === 'GET') routes.operations.set('HEAD', id);
  }
  const templated = [...byPath.values()].filter((routes) => routes.pattern);

  /** @param {PathRoutes} routes @param {string} method */
  const operationOf = (routes, method) => /** @type {Id | undefined} */ (routes.operations.get(method) ?? routes.operations.get(method.toUpperCase()));

  /**
   * @param {string} method
   * @param {string} path
   * @returns {import('./find-operation.js').Routed<Id>}
   */
  return function route(method, path) {
    const literal = byPath.get(path);
    if (literal) {
      const operation = operationOf(literal, method);
      // A template sent as the path still gives each of its parameters (as `{name}`).
      if (operation !== undefined) return { operation, params: literal.pattern?.exec(path)?.groups ?? {} };
    }
    const allowed = new Set(literal?.operations.keys());
    for (const routes of templated) {
      const params = routes === literal ? undefined : /** @type {RegExp} */ (routes.pattern).exec(path)?.groups;
      if (!params) continue;
      const operation = operationOf(routes, method);
      // decodeURIComponent costs more than the whole match even when there is nothing to decode.
      if (operation !== undefined) return { operation, params: path.includes('%') ? decodeParams(params) : params };
      for (const method of routes.operations.keys()) allowed.add(method);
    }
    return allowed.size > 0 ? { allowedMethods: [...allowed] } : undefined;
  };
}

/** The router of the setup API's operations. */
export const routeOperation = createRouter(operationTable);

/**
 * @param {string} method
 * @param {string} path
 * @returns {OperationId | undefined}
 */
export function findOperation(method, path) {
  const routed = routeOperation(method, path);
  return routed && 'operation' in routed ? routed.operation : undefined;
}

/**
 * @param {string} method
 * @param {string} path
 * @returns {OperationMatch | undefined}
 */
export function matchOperation(method, path) {
  const routed = routeOperation(method, path);
  return routed && 'operation' in routed ? routed : undefined;
}

/** @param {Record<string, string>} params */
function decodeParams(params) {
  for (const name in params) params[name] = decodeSegment(/** @type {string} */ (params[name]));
  return params;
}

/**
 * An undecodable segment is kept as sent: it names nothing, so the lookup that follows answers 404.
 * @param {string} segment
 */
function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
