// `npm start`: lint, bundle and regenerate the contract (types and docs), then serve it with the Prism mock.
import { turbo } from './turbo.mjs';

turbo(['generate', 'docs']);
await import('./mock.mjs');
