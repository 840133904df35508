import type { SetupState } from '@beeper-setup/client';

type StateName = SetupState['state'];

// A Record, so that a state added to the contract fails to compile until it is placed in the order.
const order: Record<StateName, number> = {
  'needs-login': 0,
  initializing: 1,
  'needs-cross-signing-setup': 2,
  'needs-verification': 3,
  'needs-secrets': 4,
  'needs-first-sync': 5,
  ready: 6,
};

/** The seven setup states in the order a device goes through them. */
export const setupStates = (Object.keys(order) as StateName[]).sort((a, b) => order[a] - order[b]);
