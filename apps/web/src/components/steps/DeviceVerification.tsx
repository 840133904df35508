import type { Verification } from '@beeper-setup/client';
import type { WizardActions } from '../../use-wizard.js';
import { qrImageUrl } from '../../view/qr-image.js';
import { sasEmojis } from '../../view/sas-emojis.js';
import { CancelVerification } from '../CancelVerification.js';
import { ScanQrCodeData } from '../ScanQrCodeData.js';
import { StepHeading } from '../StepHeading.js';

interface VerificationStepProps {
  verification: Verification;
  actions: WizardActions;
}

export function WaitingForOtherDevice({ verification, actions }: VerificationStepProps) {
  return (
    <section>
      <StepHeading>Waiting for your other device</StepHeading>
      <p>Open Beeper on your other device and follow what it asks.</p>
      <CancelVerification verification={verification} actions={actions} />
    </section>
  );
}

export function ChooseMethod({ verification, actions }: VerificationStepProps) {
  return (
    <section>
      <StepHeading>Verify with your other device</StepHeading>
      {verification.qr && (
        <>
          <p>Scan this QR code with your other device, paste the data of the code it shows, or compare emojis instead.</p>
          <img class="qr" src={qrImageUrl(verification.qr.data)} alt="QR code for your other device to scan" width={240} height={240} />
        </>
      )}
      <div class="actions">
        <button type="button" onClick={() => actions.compareEmojis(verification)}>
          Compare emojis
        </button>
      </div>
      {verification.qr && <ScanQrCodeData actions={actions} />}
      <CancelVerification verification={verification} actions={actions} />
    </section>
  );
}

export function CompareEmojis({ verification, actions }: VerificationStepProps) {
  const sas = verification.sas;
  return (
    <section>
      <StepHeading>Compare emojis</StepHeading>
      <p>Check that your other device shows the same emojis, in the same order.</p>
      {sas && (
        <>
          <ol aria-label="Emojis" class="emojis">
            {sasEmojis(sas.emojis).map(({ emoji, name }, index) => (
              <li key={index}>
                <span class="emoji">{emoji}</span> {name}
              </li>
            ))}
          </ol>
          {sas.decimals && <p>Numbers: {sas.decimals}</p>}
        </>
      )}
      <div class="actions">
        <button type="button" onClick={() => actions.emojisMatch(verification)}>
          They match
        </button>
        <button type="button" class="secondary" onClick={() => actions.cancel(verification, 'm.mismatched_sas', 'The emojis did not match.')}>
          They don't match
        </button>
      </div>
    </section>
  );
}

export function QrScanned({ verification, actions }: VerificationStepProps) {
  return (
    <section>
      <StepHeading>Did your other device scan the code?</StepHeading>
      <p>Confirm only if your other device shows that it scanned this device's code.</p>
      <div class="actions">
        <button type="button" onClick={() => actions.qrScanned(verification)}>
          Yes, it scanned it
        </button>
      </div>
      <CancelVerification verification={verification} actions={actions} />
    </section>
  );
}
