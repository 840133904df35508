import { nextStep } from '@beeper-setup/client/flow';
import { describe, expect, it } from 'vitest';
import { e2eeChecklist } from '../../src/view/e2ee-checklist.js';
import { nextStepText } from '../../src/view/next-step-text.js';
import { setupStates } from '../../src/view/setup-states.js';
import { stateExample } from './contract-examples.js';

describe('setupStates', () => {
  it('lists the seven states in the order a device goes through them', () => {
    expect(setupStates).toEqual(['needs-login', 'initializing', 'needs-cross-signing-setup', 'needs-verification', 'needs-secrets', 'needs-first-sync', 'ready']);
  });
});

describe('e2eeChecklist', () => {
  it('has one line per e2ee boolean, yes or no', () => {
    const { e2ee } = stateExample('StateNeedsVerification');
    const items = e2eeChecklist(e2ee);
    expect(items).toHaveLength(12);
    expect(items).toContainEqual({ text: 'Cross-signing: yes', done: true });
    expect(items).toContainEqual({ text: 'This device verified: no', done: false });
    expect(items).toContainEqual({ text: 'Master key on this device: no', done: false });
  });

  it('is all yes when ready', () => {
    expect(e2eeChecklist(stateExample('StateReady').e2ee).every((item) => item.done && item.text.endsWith(': yes'))).toBe(true);
  });
});

describe('nextStepText', () => {
  it.each([
    ['StateNeedsLogin', 'Sign in with your email.'],
    ['StateInitializing', 'Wait while encryption is set up.'],
    ['StateNeedsCrossSigningSetup', 'Create a recovery key.'],
    ['StateNeedsVerification', 'Verify this device with another device or your recovery key.'],
    ['StateNeedsVerificationIncoming', 'Finish the verification with your other device.'],
    ['StateNeedsSecrets', 'Enter your recovery key.'],
    ['StateNeedsFirstSync', 'Wait for the first encrypted sync.'],
    ['StateReady', 'Nothing: encrypted messaging is ready.'],
  ])('%s', (example, text) => {
    expect(nextStepText(nextStep(stateExample(example)))).toBe(text);
  });
});
