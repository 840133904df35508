import { operationTable } from './operation-table.js';

/** @typedef {import('./find-operation.js').OperationId} OperationId */
/** @typedef {{ paths: Map<string, OperationId>, patterns: [RegExp, OperationId][] }} MethodRoutes */

/**
 * Routes by method, under its lower-case (the table's) and upper-case (fetch's) spelling, so that
 * the usual callers skip the case conversion.
 * @type {Map<string, MethodRoutes>}
 */
const routes = new Map();

for (const id of /** @type {OperationId[]} */ (Object.keys(operationTable))) {
  const { method, path } = operationTable[id];
  let methodRoutes = routes.get(method);
  if (!methodRoutes) {
    methodRoutes = { paths: new Map(), patterns: [] };
    routes.set(method, methodRoutes);
    routes.set(method.toUpperCase(), methodRoutes);
  }
  methodRoutes.paths.set(path, id);
  if (path.includes('{')) methodRoutes.patterns.push([patternOf(path), id]);
}

/** A template's parameters each match one non-empty path segment. @param {string} template */
function patternOf(template) {
  const literals = template.split(/\{[^}]+\}/).map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literals.join('[^/]+')}$`);
}

/**
 * @param {string} method
 * @param {string} path
 * @returns {OperationId | undefined}
 */
export function findOperation(method, path) {
  const methodRoutes = routes.get(method) ?? routes.get(method.toLowerCase());
  if (!methodRoutes) return undefined;
  const found = methodRoutes.paths.get(path);
  if (found) return found;
  for (const [pattern, id] of methodRoutes.patterns) if (pattern.test(path)) return id;
  return undefined;
}
