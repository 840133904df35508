import { operationTable } from './operation-table.js';

/** @typedef {import('./find-operation.js').OperationId} OperationId */
/** @typedef {import('./find-operation.js').OperationMatch} OperationMatch */
/**
 * The compiled routes of a table: each path as the table writes it (templates too), with its operations by
 * upper-case method (`HEAD` beside `GET`, which answers it) in the order an `Allow` header lists them.
 * @template {string} Id
 * @typedef {Map<string, Map<string, Id>>} Routes
 */

/**
 * @template {string} Id
 * @param {Record<Id, { method: string, path: string }>} table
 * @returns {Routes<Id>}
 */
function compileRoutes(table) {
  /** @type {Routes<Id>} */
  const routes = new Map();
  for (const [id, { method, path }] of /** @type {[Id, { method: string, path: string }][]} */ (Object.entries(table))) {
    const operations = routes.get(path) ?? new Map();
    routes.set(path, operations);
    const upper = method.toUpperCase();
    operations.set(upper, id);
    if (upper === 'GET') operations.set('HEAD', id);
  }
  return routes;
}

/**
 * The operation a path's routes have for `method`, in any case.
 * @template {string} Id
 * @param {Map<string, Id> | undefined} operations
 * @param {string} method
 */
const operationOf = (operations, method) => operations?.get(method) ?? operations?.get(method.toUpperCase());

/**
 * The router of an operation table (`operationTable`, or the control API's): a path's candidates are found first,
 * then the method among them, as Prism's router does, so that "no such path" (404) and "not this method" (405 with
 * the path's `Allow`) come from one lookup.
 * @template {string} Id
 * @param {Record<Id, { method: string, path: string }>} table
 */
export function createRouter(table) {
  return routerOf(compileRoutes(table));
}

/**
 * @template {string} Id
 * @param {Routes<Id>} routes
 */
function routerOf(routes) {
  /** @type {Map<string, RegExp>} each templated path and its pattern: a parameter matches one non-empty segment, captured under its name */
  const patterns = new Map();
  for (const path of routes.keys()) {
    if (path.includes('{')) patterns.set(path, new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, '(?<$1>[^/]+)')}$`));
  }

  /**
   * @param {string} method
   * @param {string} path
   * @returns {import('./find-operation.js').Routed<Id>}
   */
  return function route(method, path) {
    const literal = routes.get(path);
    const operation = operationOf(literal, method);
    // A template sent as the path still gives each of its parameters (as `{name}`).
    if (operation !== undefined) return { operation, params: patterns.get(path)?.exec(path)?.groups ?? {} };
    const allowed = new Set(literal?.keys());
    for (const [template, pattern] of patterns) {
      const params = template === path ? undefined : pattern.exec(path)?.groups;
      if (!params) continue;
      const operations = /** @type {Map<string, Id>} */ (routes.get(template));
      const operation = operationOf(operations, method);
      // decodeURIComponent costs more than the whole match even when there is nothing to decode.
      if (operation !== undefined) return { operation, params: path.includes('%') ? decodeParams(params) : params };
      for (const method of operations.keys()) allowed.add(method);
    }
    return allowed.size > 0 ? { allowedMethods: [...allowed] } : undefined;
  };
}

/** The compiled routes of the setup API's operations, which its router and {@link findTemplateOperation} read. */
const setupRoutes = /* @__PURE__ */ compileRoutes(operationTable);

/** The router of the setup API's operations. */
export const routeOperation = /* @__PURE__ */ routerOf(setupRoutes);

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
 * @param {string} template
 * @returns {OperationId | undefined}
 */
export function findTemplateOperation(method, template) {
  return operationOf(setupRoutes.get(template), method);
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
