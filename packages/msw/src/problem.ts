import { problemTable, type Problem, type ProblemCode } from '@beeper-setup/contract';
import { problem as problemDocument } from '@beeper-setup/edge';

export { problemHeaders } from '@beeper-setup/edge';

/** The contract's problem document for `code`, with the status and title the contract gives it; `detail` defaults to the title. */
export function problem(code: ProblemCode, detail: string = problemTable[code].title): Problem {
  return problemDocument(code, detail);
}
