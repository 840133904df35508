// npm run check:versions: the contract package's version and each API's info.version (in its root document under
// openapi/ and in its bundle) must be the same, because the package is published as that version of the contract.
import { contractVersions } from './release/contract-version.mjs';

const versions = Object.entries(contractVersions());
const [, expected] = versions[0];
const differing = versions.filter(([, version]) => version !== expected);

if (differing.length === 0) {
  console.log(`check:versions passed: the contract is ${expected} everywhere.`);
} else {
  console.log(versions.map(([place, version]) => `${version.padEnd(10)} ${place}`).join('\n'));
  console.log(
    'FAIL The contract version differs between these places. `npm run release` moves them together; by hand, set ' +
      'info.version in openapi/openapi.yaml and openapi/control/openapi.yaml to the package version and run `npm run generate`.',
  );
  process.exitCode = 1;
}
