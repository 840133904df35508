export { contractViolation, conformingFetch, conformsToContract, exchangeViolation, type Answer } from './conforms.js';
export { backticked, descriptionTable, example, exampleNames, operationExample, schemas } from './examples.js';
export { controlOperationsUnderTest, invalidBodyFor, operationsUnderTest, sampleDeviceID, sampleToken, sampleVerificationID, type NamedExample, type OperationUnderTest } from './operations.js';
export { startNodeProcess, type RunningProcess } from './process.js';
