import type { CancelVerificationRequest, ScanQrCodeRequest, StartVerificationRequest, Verification, VerificationList, VerificationResponse } from '@beeper-setup/contract';
import type { Session, Side, VerificationRecord } from '../model/records.js';
import { invalidRequest, ProblemError } from '../problems.js';
import { applyAction, isInProgress, newVerification, toContractVerification, type DeviceAction } from '../rules/verification-actions.js';
import { digestOf, matchesDigest } from '../security/secrets.js';
import { assertSetupState, currentSetupState, type SimulatorContext } from './context.js';

export function listVerifications(context: SimulatorContext, session: Session): VerificationList {
  const { userID } = context.world.accountOf(session);
  return { items: context.world.verificationsOf(session).filter(isInProgress).map((verification) => toContractVerification(verification, userID)) };
}

/** This device asks the other device to verify it. */
export function startVerification(context: SimulatorContext, session: Session, request: StartVerificationRequest = {}): VerificationResponse {
  assertSetupState(context, session, ['needs-verification', 'needs-secrets']);
  const { userID } = context.world.accountOf(session);
  if (request.userID !== undefined && request.userID !== userID) {
    throw invalidRequest([{ pointer: '/userID', detail: 'must be the signed-in user: the simulator verifies only its own devices' }]);
  }
  const purpose = request.purpose ?? (currentSetupState(context, session).state === 'needs-verification' ? 'login' : 'device');
  return addVerification(context, session, newVerification({ direction: 'outgoing', methods: ['qr', 'sas'], purpose }));
}

/** The other device asks to verify this one. */
export function requestVerificationFromOtherDevice(context: SimulatorContext, session: Session, methods: Verification['methods']): VerificationRecord {
  const verification = newVerification({ direction: 'incoming', methods, purpose: 'login' });
  addVerification(context, session, verification);
  return verification;
}

/** A session keeps its newest ended verifications only, to say how they ended; those in progress are all kept. */
export const endedVerificationsKept = 20;

function addVerification(context: SimulatorContext, session: Session, verification: VerificationRecord): VerificationResponse {
  const verifications = context.world.verificationsOf(session);
  verifications.push(verification);
  const ended = verifications.filter((candidate) => !isInProgress(candidate));
  for (const forgotten of ended.slice(0, Math.max(0, ended.length - endedVerificationsKept))) verifications.splice(verifications.indexOf(forgotten), 1);
  context.verificationChanged(session, verification);
  return verificationResponse(context, session, verification);
}

export function getVerification(context: SimulatorContext, session: Session, verificationID: string): VerificationResponse {
  return verificationResponse(context, session, findVerification(context, session, verificationID));
}

export function findVerification(context: SimulatorContext, session: Session, verificationID: string): VerificationRecord {
  const verification = context.world.verificationsOf(session).find(({ id }) => id === verificationID);
  if (!verification) {
    throw new ProblemError('verification_not_found', 'No verification has this ID. List the active ones with GET /v1/app/setup/verifications.');
  }
  return verification;
}

/** One device acts on a verification; one that ends `done` trusts this device and, unless told otherwise, hands it the secrets. */
export function actOnVerification(
  context: SimulatorContext,
  session: Session,
  verificationID: string,
  side: Side,
  action: DeviceAction,
  cancellation?: CancelVerificationRequest,
): VerificationResponse {
  const verification = findVerification(context, session, verificationID);
  applyAction(verification, side, action, cancellation);
  if (verification.state === 'done') {
    session.verified = true;
    if (session.otherDeviceSharesSecrets) session.secretsReceivedAt ??= context.now();
  }
  context.verificationChanged(session, verification);
  return verificationResponse(context, session, verification);
}

/** This device scanned the QR code the other device shows. */
export function scanQrCode(context: SimulatorContext, session: Session, { data }: ScanQrCodeRequest): VerificationResponse {
  const verification = context.world.verificationsOf(session).find(({ qrCodes }) => qrCodes !== undefined && matchesDigest(data, digestOf(qrCodes.shownThere)));
  if (!verification) throw new ProblemError('invalid_qr_code', 'The scanned code is not a verification code of this account.');
  return actOnVerification(context, session, verification.id, 'this-device', 'qr.scan');
}

function verificationResponse(context: SimulatorContext, session: Session, verification: VerificationRecord): VerificationResponse {
  return {
    session: currentSetupState(context, session),
    verification: toContractVerification(verification, context.world.accountOf(session).userID),
  };
}
