/** The workspaces that are published, relative to the repository root. */
export const publishablePackages = ['packages/contract', 'packages/edge', 'packages/validator', 'packages/client', 'packages/simulator', 'packages/mock', 'packages/msw', 'apps/cli', 'apps/web'];
