import { operationTable } from './operation-table.js';

/** @typedef {import('./find-operation.js').OperationId} OperationId */
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
  // A parameter matches one non-empty path segment.
  if (path.includes('{')) methodRoutes.patterns.push([new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`), id]);
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
