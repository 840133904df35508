// The changes between two bundled contracts, classified by api-smart-diff and grouped so that one change to a
// shared schema is one change listing every operation it reaches.
import { apiDiff } from 'api-smart-diff';
import { pointerSegments, pointerToken, valueAt } from '../../packages/contract/src/json-pointer.js';

const httpMethods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

// api-smart-diff's other types (`non-breaking`, `annotation` for descriptions and examples, `unclassified`) do not fail
// the gate: it stops what the library knows to break.
const kindOf = { breaking: 'breaking', deprecated: 'deprecation' };
const kindOrder = ['breaking', 'deprecation', 'non-breaking'];

/**
 * api-smart-diff (1.0.6) reads the fields of a shared response (`components/responses/<name>`) as status codes, so a
 * new `description` of one came out as a removed response: it is prose, as in the operations that use it.
 */
const isSharedResponseDescription = (path) => path.length === 4 && path[0] === 'components' && path[1] === 'responses' && path[3] === 'description';

/** What api-smart-diff did not put in words, such as a changed `type`. */
const plainDescription = (diff) =>
  diff.action === 'replace' ? `[Replaced] ${JSON.stringify(diff.before)} with ${JSON.stringify(diff.after)}` : `[${diff.action}]`;

/**
 * Where in the document a change was written: api-smart-diff reports each change at every operation that reaches it
 * through `$ref`s, so follow the references on the way (not the changed node's own) to the schema that holds it.
 */
function sourceTokens(document, path) {
  let node = document;
  let tokens = [];
  for (const [index, key] of path.entries()) {
    if (typeof node?.$ref === 'string') {
      tokens = pointerSegments(node.$ref);
      node = valueAt(document, tokens);
    }
    if (node === null || typeof node !== 'object' || !(key in node)) return [...tokens, ...path.slice(index)];
    node = node[key];
    tokens.push(key);
  }
  return tokens;
}

/** The operations a change under `paths` belongs to: its own, or every one of a changed path item. */
function operationsOf(path, before, after) {
  if (path[0] !== 'paths') return [];
  const [, route, method] = path;
  if (httpMethods.has(method)) return [`${method.toUpperCase()} ${route}`];
  const methods = new Set([...Object.keys(before.paths?.[route] ?? {}), ...Object.keys(after.paths?.[route] ?? {})]);
  return [...methods].filter((name) => httpMethods.has(name)).map((name) => `${name.toUpperCase()} ${route}`);
}

/**
 * The changes from `before` to `after`, one per place: `{ kind, pointer, operations, description }`, breaking first.
 */
export function contractChanges(before, after) {
  const changes = new Map();
  for (const diff of apiDiff(before, after)) {
    const document = diff.action === 'remove' ? before : after;
    const kind = isSharedResponseDescription(diff.path) ? 'non-breaking' : (kindOf[diff.type] ?? 'non-breaking');
    const pointer = `/${sourceTokens(document, diff.path).map((token) => pointerToken(String(token))).join('/')}`;
    const change = changes.get(pointer) ?? { kind, pointer, operations: new Set(), plain: plainDescription(diff) };
    // Operations may classify one change differently (a request and a response both use the schema): the worst wins.
    if (kindOrder.indexOf(kind) < kindOrder.indexOf(change.kind)) Object.assign(change, { kind, description: diff.description });
    change.description ||= diff.description;
    for (const operation of operationsOf(diff.path, before, after)) change.operations.add(operation);
    changes.set(pointer, change);
  }
  return [...changes.values()]
    .map(({ plain, ...change }) => ({ ...change, description: change.description || plain, operations: [...change.operations] }))
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.pointer.localeCompare(b.pointer));
}
