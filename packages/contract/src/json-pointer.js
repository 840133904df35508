// Local `$ref`s of the bundled contract, as URI fragments holding a JSON Pointer (RFC 6901, section 6).

/**
 * @param {string} ref a local reference, such as `#/components/responses/BadRequest`
 * @returns {string[]} the reference tokens it names, unescaped
 */
export function pointerSegments(ref) {
  if (!ref.startsWith('#')) throw new Error(`Not a local reference: ${ref}`);
  const pointer = decodeURIComponent(ref.slice(1));
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`Not a JSON Pointer: ${ref}`);
  return pointer.slice(1).split('/').map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/**
 * @param {string} segment a property name, such as `/v1/app/setup`
 * @returns {string} it as one reference token: `~` as `~0`, `/` as `~1`
 */
export function pointerToken(segment) {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

/**
 * @param {readonly string[]} segments reference tokens, such as `['paths', '/v1/app/setup', 'get']`
 * @returns {string} the local reference naming them, such as `#/paths/~1v1~1app~1setup/get`
 */
export function pointerRef(segments) {
  return `#${segments.map((segment) => `/${encodeURIComponent(pointerToken(segment))}`).join('')}`;
}

/**
 * @param {unknown} document
 * @param {readonly string[]} segments
 * @returns {unknown} the value at these reference tokens, or `undefined` when there is none
 */
export function valueAt(document, segments) {
  let node = document;
  for (const segment of segments) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, segment)) return undefined;
    node = /** @type {Record<string, unknown>} */ (node)[segment];
  }
  return node;
}

/**
 * Follows `$ref`s from the value at `segments` to the reference tokens of the value they end at.
 * @param {unknown} document
 * @param {readonly string[]} segments
 * @returns {readonly string[]}
 */
export function resolvedSegments(document, segments) {
  const seen = new Set();
  let at = segments;
  for (let ref = refOf(valueAt(document, at)); ref !== undefined; ref = refOf(valueAt(document, at))) {
    if (seen.has(ref)) throw new Error(`A $ref cycle: ${[...seen, ref].join(' → ')}`);
    seen.add(ref);
    at = pointerSegments(ref);
  }
  return at;
}

/**
 * `node`, or the value its chain of local `$ref`s ends at.
 * @param {unknown} document
 * @param {unknown} node
 * @returns {any}
 */
export function deref(document, node) {
  const ref = refOf(node);
  return ref === undefined ? node : valueAt(document, resolvedSegments(document, pointerSegments(ref)));
}

/** @param {unknown} node */
function refOf(node) {
  if (typeof node !== 'object' || node === null || !('$ref' in node)) return undefined;
  return typeof node.$ref === 'string' ? node.$ref : undefined;
}
