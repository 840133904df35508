import { describe, expect, it } from 'vitest';
import { ProblemError, problemTypes, type ProblemCode } from '../src/problems.js';
import { backticked, descriptionTable, example, exampleNames, schemas } from './contract.js';

describe('problem types', () => {
  it('cover exactly the codes of the contract', () => {
    expect(Object.keys(problemTypes).sort()).toEqual([...schemas.ProblemCode!.enum].sort());
  });

  it.each(descriptionTable('ProblemCode').map(([code, status]) => [backticked(code!)[0]!, Number(status)] as const))(
    '%s answers %i, as the ProblemCode table says',
    (code, status) => {
      expect(problemTypes[code as ProblemCode].status).toBe(status);
    },
  );

  it.each(exampleNames.filter((name) => name.startsWith('Problem')))('match the contract example %s exactly', (name) => {
    const { code, detail, errors, ...rest } = example(name);
    const problem = new ProblemError(code, detail, errors).toProblem();
    expect(problem).toEqual({ code, detail, ...(errors && { errors }), ...rest });
  });
});
