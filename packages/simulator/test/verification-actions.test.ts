import { describe, expect, it } from 'vitest';
import { backticked, descriptionTable } from '@beeper-setup/testing-kit';
import type { Side, VerificationRecord } from '../src/core/model/records.js';
import { ProblemError } from '../src/core/problems.js';
import { allowedActions, availableActions, newVerification, applyAction, toContractVerification, type DeviceAction } from '../src/core/rules/verification-actions.js';

type State = VerificationRecord['state'];

function verificationIn(state: State, direction: VerificationRecord['direction'] = 'outgoing', methods: VerificationRecord['methods'] = ['qr', 'sas']): VerificationRecord {
  return { ...newVerification({ direction, methods, purpose: 'login' }), state };
}

/** The contract's table of available actions, read from Verification's description: [state, direction, actions]. */
const contractTable = descriptionTable('Verification').flatMap(([states, actions]) => {
  const direction = /incoming|outgoing/.exec(states!)?.[0] as VerificationRecord['direction'] | undefined;
  // Text in parentheses explains; it lists no actions.
  const listed = backticked(actions!.split('(')[0]!);
  return backticked(states!)
    .filter((word) => word !== 'incoming' && word !== 'outgoing')
    .flatMap((state) => (direction ? [direction] : (['incoming', 'outgoing'] as const)).map((d) => [state as State, d, listed] as const));
});

describe('availableActions', () => {
  it('reads all seven states from the contract table', () => {
    expect(new Set(contractTable.map(([state]) => state)).size).toBe(7);
  });

  it.each(contractTable)('in %s (%s) are exactly %j, as the contract table says', (state, direction, actions) => {
    expect(availableActions(verificationIn(state, direction))).toEqual(actions);
  });

  it('drop sas.confirm once this device confirmed, until the other device does', () => {
    const verification = verificationIn('sas_ready');
    applyAction(verification, 'this-device', 'sas.confirm');
    expect(verification.state).toBe('sas_ready');
    expect(availableActions(verification)).toEqual(['cancel']);
  });
});

describe('applyAction', () => {
  const transitions: [description: string, { from: State; direction?: 'incoming' | 'outgoing'; side: Side; action: DeviceAction; to: State }][] = [
    ['this device accepts an incoming request', { from: 'requested', direction: 'incoming', side: 'this-device', action: 'accept', to: 'ready' }],
    ['the other device accepts an outgoing request', { from: 'requested', direction: 'outgoing', side: 'other-device', action: 'accept', to: 'ready' }],
    ['this device starts SAS', { from: 'ready', side: 'this-device', action: 'sas.start', to: 'sas_ready' }],
    ['this device scans the other device’s QR code', { from: 'ready', side: 'this-device', action: 'qr.scan', to: 'done' }],
    ['the other device scans this device’s QR code', { from: 'ready', side: 'other-device', action: 'qr.scan', to: 'qr_scanned' }],
    ['this device confirms the scan', { from: 'qr_scanned', side: 'this-device', action: 'qr.confirmScanned', to: 'done' }],
    ['the other device reports mismatched emojis', { from: 'sas_ready', side: 'other-device', action: 'mismatch', to: 'error' }],
    ['this device cancels', { from: 'ready', side: 'this-device', action: 'cancel', to: 'cancelled' }],
    ['the other device cancels', { from: 'requested', side: 'other-device', action: 'cancel', to: 'cancelled' }],
  ];
  it.each(transitions)('%s', (_, { from, direction, side, action, to }) => {
    const verification = verificationIn(from, direction);
    applyAction(verification, side, action);
    expect(verification.state).toBe(to);
  });

  it.each([
    ['this-device', 'other-device'],
    ['other-device', 'this-device'],
  ] as const)('ends SAS done when both devices confirmed, %s first', (first, second) => {
    const verification = verificationIn('sas_ready');
    applyAction(verification, first, 'sas.confirm');
    applyAction(verification, second, 'sas.confirm');
    expect(verification.state).toBe('done');
  });

  const refused: [description: string, { from: State; direction?: 'incoming' | 'outgoing'; side: Side; action: DeviceAction; methods?: VerificationRecord['methods'] }][] = [
    ['this device accepting its own request', { from: 'requested', direction: 'outgoing', side: 'this-device', action: 'accept' }],
    ['the other device accepting its own request', { from: 'requested', direction: 'incoming', side: 'other-device', action: 'accept' }],
    ['SAS before the request is accepted', { from: 'requested', side: 'this-device', action: 'sas.start' }],
    ['the other device starting SAS', { from: 'ready', side: 'other-device', action: 'sas.start' }],
    ['a scan without QR among the methods', { from: 'ready', side: 'other-device', action: 'qr.scan', methods: ['sas'] }],
    ['confirming a scan that did not happen', { from: 'ready', side: 'this-device', action: 'qr.confirmScanned' }],
    ['this device reporting a mismatch (it cancels instead)', { from: 'sas_ready', side: 'this-device', action: 'mismatch' }],
    ['cancelling a verification that is done', { from: 'done', side: 'this-device', action: 'cancel' }],
    ['anything after an error', { from: 'error', side: 'other-device', action: 'cancel' }],
  ];
  it.each(refused)('refuses %s with 409 action_not_available', (_, { from, direction, side, action, methods }) => {
    const verification = verificationIn(from, direction, methods);
    expect(() => applyAction(verification, side, action)).toThrow(expect.objectContaining({ code: 'action_not_available', status: 409 }) as ProblemError);
    expect(verification.state).toBe(from);
  });

  it('cancels with m.user and a default reason, or with the ones given', () => {
    const byDefault = verificationIn('ready');
    applyAction(byDefault, 'this-device', 'cancel');
    expect(byDefault.error).toEqual({ code: 'm.user', reason: 'The verification was cancelled.' });
    const given = verificationIn('ready');
    applyAction(given, 'this-device', 'cancel', { code: 'm.mismatched_sas', reason: 'Wrong emojis.' });
    expect(given.error).toEqual({ code: 'm.mismatched_sas', reason: 'Wrong emojis.' });
  });

  it('lets the other device do what this one cannot: accept outgoing requests, report a mismatch', () => {
    expect(allowedActions(verificationIn('requested', 'outgoing'), 'other-device')).toEqual(['accept', 'cancel']);
    expect(allowedActions(verificationIn('sas_ready'), 'other-device')).toEqual(['sas.confirm', 'mismatch', 'cancel']);
  });
});

describe('toContractVerification', () => {
  it('shows this device’s QR code only while ready, and the emojis only while sas_ready', () => {
    const verification = verificationIn('requested', 'incoming');
    const shown = (state: State) => toContractVerification({ ...verification, state }, '@alice:beeper.com');
    expect(shown('requested').qr).toBeUndefined();
    expect(shown('ready').qr).toEqual({ data: verification.qrCodes!.shownHere });
    applyAction(verification, 'this-device', 'accept');
    applyAction(verification, 'this-device', 'sas.start');
    expect(shown('sas_ready').sas).toEqual(verification.sas);
    expect(shown('done').sas).toBeUndefined();
  });

  it('names the other device and this account as the other user', () => {
    expect(toContractVerification(verificationIn('ready'), '@bob:beeper.com')).toMatchObject({
      otherDevice: { id: 'BDSKTOPM4C1', name: 'Beeper Desktop on MacBook' },
      otherUserID: '@bob:beeper.com',
    });
  });
});
