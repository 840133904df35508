// The facts of each operation a client user needs, from the same places the client reads them: the bundled contract
// and its operation table (path, method, token, secret fields), and the client's own retry rules (its built
// retry.js), asked about each way an attempt can end.
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { deref, operationTable, problemTable } from '@beeper-setup/contract';
import { builtFile } from '../paths.mjs';
import { contractDir } from '../apis.mjs';

const schemaName = (schema, what) => {
  const name = /^#\/components\/schemas\/([^/]+)$/.exec(schema?.$ref ?? '')?.[1];
  if (!name) throw new Error(`${what} is not a named schema (components/schemas): give it a name so the reference can name its type.`);
  return name;
};

/** How an attempt can end, as the client's retry rules see it. */
const retryAfter = new Headers({ 'retry-after': '1' });
const attemptEnds = [
  ['a refused connection', { kind: 'refused', reason: 'refused' }],
  ['a broken connection', { kind: 'network', reason: 'reset' }],
  ['a timeout', { kind: 'timeout', reason: 'timeout' }],
  ...[408, 429, 500, 502, 503, 504].flatMap((status) => [
    [`${status}`, { kind: 'response', response: new Response(null, { status }), body: null }],
    [`${status} with Retry-After`, { kind: 'response', response: new Response(null, { status, headers: retryAfter }), body: null }],
  ]),
];

/** The ways an attempt can end after which the client tries again: `429` when it does with or without Retry-After. */
function retriedOn(retryDelayMs, method, secretFields) {
  const retried = attemptEnds.filter(([, attempt]) => retryDelayMs(attempt, method, secretFields, 0) !== undefined).map(([what]) => what);
  return retried.filter((what) => !(what.endsWith(' with Retry-After') && retried.includes(what.replace(' with Retry-After', ''))));
}

/**
 * Each operation in the operation table's order: `{ id, method, path, tag, summary, pathParams, queryParams, body,
 * requestType, responses: [{ status, type }], auth, secretFields, retriedOn, problems: [{ status, codes }] }`.
 */
export async function operationFacts() {
  const document = JSON.parse(await readFile(`${contractDir}/openapi.json`, 'utf8'));
  const { retryDelayMs } = await import(pathToFileURL(builtFile('client', 'retry.js')).href);
  return Object.entries(operationTable).map(([id, { method, path, auth, body, secretFields }]) => {
    const pathItem = document.paths[path];
    const operation = pathItem[method];
    const parameters = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => deref(document, parameter));
    const responses = Object.entries(operation.responses).map(([status, response]) => [status, deref(document, response)]);
    return {
      id,
      method,
      path,
      tag: operation.tags[0],
      summary: operation.summary,
      pathParams: parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
      queryParams: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name),
      body,
      requestType: body === 'none' ? undefined : schemaName(operation.requestBody?.content?.['application/json']?.schema, `${id}'s request body`),
      responses: responses
        .filter(([status]) => status.startsWith('2'))
        .map(([status, response]) => {
          const schema = response.content?.['application/json']?.schema;
          return { status, type: schema && schemaName(schema, `${id}'s ${status} response`) };
        }),
      auth,
      secretFields,
      retriedOn: retriedOn(retryDelayMs, method.toUpperCase(), secretFields),
      problems: responses
        .filter(([status]) => !status.startsWith('2'))
        .map(([status, response]) => ({
          status,
          codes: [...new Set(Object.values(response.content?.['application/problem+json']?.examples ?? {}).map((example) => deref(document, example).value?.code))]
            .filter((code) => code in problemTable),
        })),
    };
  });
}
