// Renders each bundled API as one HTML page (Redoc): the setup API at packages/contract/docs/index.html, or where the
// first argument says (the docs test renders into a temporary folder), and the simulator's control API beside it as
// control.html. `npm run generate` renders them too; this renders the bundles as they are, without regenerating.
import { docsBuilder } from './contract/docs.mjs';
import { docsPages } from './contract/pipeline.mjs';

const pages = docsPages(process.argv[2]);
const docs = await docsBuilder();
try {
  await docs.build(pages);
  console.log(`API reference: ${pages.map((page) => page.output).join(', ')}`);
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await docs.close();
}
