import { describe, expect, expectTypeOf, it } from 'vitest';
import { controlOperationTable } from '../src/control/index.js';
import { deref, operationTable, problemTable, type Problem, type ProblemCode } from '../src/index.js';
import controlBundle from '../control/openapi.json' with { type: 'json' };
import bundle from '../openapi.json' with { type: 'json' };

type Document = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

/** Every problem example of every response of every operation of a document, with the status it is documented under. */
const problemExamplesOf = (document: Document, table: Record<string, { method: string; path: string }>) =>
  Object.entries(table).flatMap(([id, { method, path }]) =>
    Object.entries(document.paths[path]![method]!.responses).flatMap(([status, response]) =>
      Object.entries(deref(document, response).content?.['application/problem+json']?.examples ?? {}).map(
        ([name, example]) => [`${id} ${status} ${name}`, Number(status), deref(document, example).value as Problem] as const,
      ),
    ),
  );

// The control API's problems are the setup API's `Problem`, so its examples are held to the same table.
const problemExamples = [
  ...problemExamplesOf(bundle as unknown as Document, operationTable),
  ...problemExamplesOf(controlBundle as unknown as Document, controlOperationTable),
];

describe('problemTable', () => {
  it('has an entry for every problem code, and no other', () => {
    expectTypeOf<keyof typeof problemTable>().toEqualTypeOf<ProblemCode>();
  });

  it('is checked against many examples', () => {
    expect(new Set(problemExamples.map(([, , problem]) => problem.code)).size).toBeGreaterThanOrEqual(16);
  });

  it.each(problemExamples)('gives the status and title of %s', (_, status, problem) => {
    const { status: tableStatus, title } = problemTable[problem.code];
    expect({ status: problem.status, title: problem.title, type: problem.type }).toEqual({
      status: tableStatus,
      title,
      type: `urn:beeper:setup:problem:${problem.code}`,
    });
    expect(status).toBe(tableStatus);
  });
});
