import { operationTable } from './operation-table.js';

/** @typedef {import('./find-operation.js').OperationId} OperationId */
/** @typedef {import('./find-operation.js').OperationMatch} OperationMatch */
/** @typedef {{ paths: Map<string, OperationId>, patterns: [RegExp, OperationId][] }} MethodRoutes */

/**
 * Each method's paths and the patterns of its templated paths, under the method's lower-case (the table's) and
 * upper-case (fetch's) spelling, so that the usual callers skip the case conversion.
 * @type {Map<string, MethodRoutes>}
 */
const routes = new Map();
for (const [id, { method, path }] of /** @type {[OperationId, { method: string, path: string }][]} */ (Object.entries(operationTable))) {
  const methodRoutes = routes.get(method) ?? /** @type {MethodRoutes} */ ({ paths: new Map(), patterns: [] });
  routes.set(method, methodRoutes).set(method.toUpperCase(), methodRoutes);
  methodRoutes.paths.set(path, id);
  // A parameter matches one non-empty path segment, captured under its name.
  if (path.includes('{')) methodRoutes.patterns.push([new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, '(?<$1>[^/]+)')}$`), id]);
}

/**
 * @param {string} method
 * @param {string} path
 * @returns {OperationId | undefined}
 */
export function findOperation(method, path) {
  const methodRoutes = routes.get(method) ?? routes.get(method.toLowerCase());
  return methodRoutes?.paths.get(path) ?? methodRoutes?.patterns.find(([pattern]) => pattern.test(path))?.[1];
}

/**
 * @param {string} method
 * @param {string} path
 * @returns {OperationMatch | undefined}
 */
export function matchOperation(method, path) {
  const methodRoutes = routes.get(method) ?? routes.get(method.toLowerCase());
  const literal = methodRoutes?.paths.get(path);
  // A template sent as the path is left to its pattern, so that each of its parameters is still given (as `{name}`).
  if (literal !== undefined && !path.includes('{')) return { operation: literal, params: {} };
  for (const [pattern, operation] of methodRoutes?.patterns ?? []) {
    const params = pattern.exec(path)?.groups;
    // decodeURIComponent costs more than the whole match even when there is nothing to decode.
    if (params) return { operation, params: path.includes('%') ? decodeParams(params) : params };
  }
  return undefined;
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
