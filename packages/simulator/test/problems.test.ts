import { describe, expect, it } from 'vitest';
import { example, exampleNames } from '@beeper-setup/testing-kit';
import { ProblemError } from '../src/core/problems.js';

describe('problems', () => {
  it.each(exampleNames.filter((name) => name.startsWith('Problem')))('match the contract example %s exactly', (name) => {
    const { code, detail, errors, ...rest } = example(name);
    const problem = new ProblemError(code, detail, errors).toProblem();
    expect(problem).toEqual({ code, detail, ...(errors && { errors }), ...rest });
  });
});
