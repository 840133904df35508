import { endedVerificationStates, type CancelVerificationRequest, type Verification, type VerificationAction } from '@beeper-setup/contract';
import type { Side, VerificationRecord } from '../model/records.js';
import { ProblemError } from '../problems.js';
import { base64, concatBytes, utf8 } from '../security/bytes.js';
import { newVerificationID } from '../model/ids.js';
import { randomBytes } from '../security/random.js';
import { newShortAuthenticationString } from './sas.js';

/** Everything a device can do to a verification: the contract's actions, and two that have no action name. */
export type DeviceAction = VerificationAction | 'qr.scan' | 'mismatch';

/** The order `availableActions` lists actions in, as the contract's table does. */
const actionOrder: DeviceAction[] = ['accept', 'sas.start', 'sas.confirm', 'qr.scan', 'qr.confirmScanned', 'mismatch', 'cancel'];
/** Actions of the simulated other device, or of this device without a name in the contract (`qr/scan` names no verification). */
const unnamedActions = new Set<DeviceAction>(['qr.scan', 'mismatch']);
const endedStates = new Set<Verification['state']>(endedVerificationStates);

/** Every account's other signed-in device: the simulated one on the other end of each verification. */
export const otherDevice = { id: 'BDSKTOPM4C1', name: 'Beeper Desktop on MacBook' } as const;

export function newVerification({ direction, methods, purpose }: Pick<VerificationRecord, 'direction' | 'methods' | 'purpose'>): VerificationRecord {
  const id = newVerificationID();
  const verification: VerificationRecord = { id, direction, methods, purpose, state: 'requested', sasConfirmedBy: [] };
  if (methods.includes('qr')) verification.qrCodes = { shownHere: newQrCode(id), shownThere: newQrCode(id) };
  return verification;
}

/** Laid out like a Matrix verification QR code (version 2, self-verification); the keys and shared secret are random. */
function newQrCode(verificationID: string): string {
  const id = utf8(verificationID);
  const idLength = Uint8Array.of(id.length >> 8, id.length & 0xff);
  return base64(concatBytes(utf8('MATRIX'), Uint8Array.of(0x02, 0x01), idLength, id, randomBytes(32 + 32 + 16)));
}

export function isInProgress(verification: VerificationRecord): boolean {
  return !endedStates.has(verification.state);
}

/** The actions `side` may take now. For this device, the named ones are exactly the contract's `availableActions` table. */
export function allowedActions(verification: VerificationRecord, side: Side): DeviceAction[] {
  const { state, direction, qrCodes, sasConfirmedBy } = verification;
  if (endedStates.has(state)) return [];
  const allowed = new Set<DeviceAction>(['cancel']);
  const requester: Side = direction === 'outgoing' ? 'this-device' : 'other-device';
  if (state === 'requested' && requester !== side) allowed.add('accept');
  if (state === 'ready' && side === 'this-device') allowed.add('sas.start');
  if (state === 'ready' && qrCodes) allowed.add('qr.scan');
  if (state === 'qr_scanned' && side === 'this-device') allowed.add('qr.confirmScanned');
  if (state === 'sas_ready' && !sasConfirmedBy.includes(side)) allowed.add('sas.confirm');
  if (state === 'sas_ready' && side === 'other-device') allowed.add('mismatch');
  return actionOrder.filter((action) => allowed.has(action));
}

export function availableActions(verification: VerificationRecord): VerificationAction[] {
  return allowedActions(verification, 'this-device').filter((action): action is VerificationAction => !unnamedActions.has(action));
}

/** Applies what `side` did to the verification, or throws 409 `action_not_available` when `side` may not do it now. */
export function applyAction(verification: VerificationRecord, side: Side, action: DeviceAction, cancellation: CancelVerificationRequest = {}): void {
  if (!allowedActions(verification, side).includes(action)) throw actionNotAvailable(verification, side, action);
  switch (action) {
    case 'accept':
      verification.state = 'ready';
      break;
    case 'sas.start':
      verification.state = 'sas_ready';
      verification.sas = newShortAuthenticationString();
      break;
    case 'sas.confirm':
      verification.sasConfirmedBy.push(side);
      if (verification.sasConfirmedBy.length === 2) verification.state = 'done';
      break;
    case 'qr.scan':
      // Scanning the other device's code verifies this one at once; a scan of this device's code waits for its confirmation.
      verification.state = side === 'this-device' ? 'done' : 'qr_scanned';
      break;
    case 'qr.confirmScanned':
      verification.state = 'done';
      break;
    case 'mismatch':
      verification.state = 'error';
      verification.error = { code: 'm.mismatched_sas', reason: 'The emojis did not match.' };
      break;
    case 'cancel':
      verification.state = 'cancelled';
      verification.error = { code: cancellation.code ?? 'm.user', reason: cancellation.reason ?? 'The verification was cancelled.' };
      break;
  }
}

function actionNotAvailable(verification: VerificationRecord, side: Side, action: DeviceAction): ProblemError {
  const available = side === 'this-device' ? availableActions(verification) : allowedActions(verification, side);
  const actor = side === 'this-device' ? 'its available actions are' : 'the other device can';
  return new ProblemError(
    'action_not_available',
    `The verification is in state ${verification.state}; ${actor} ${available.join(', ') || 'none'}, not ${action}.`,
  );
}

/** The verification as the contract shows it to this device. */
export function toContractVerification(verification: VerificationRecord, userID: string): Verification {
  const { id, direction, methods, purpose, state, qrCodes, sas, error } = verification;
  const shown: Verification = { id, availableActions: availableActions(verification), direction, methods, purpose, state, otherDevice: { ...otherDevice }, otherUserID: userID };
  if (state === 'ready' && qrCodes) shown.qr = { data: qrCodes.shownHere };
  if (state === 'sas_ready' && sas) shown.sas = sas;
  if (error) shown.error = error;
  return shown;
}
