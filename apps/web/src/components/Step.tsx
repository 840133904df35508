import type { WizardActions } from '../use-wizard.js';
import type { Screen } from '../view/screen-of.js';
import { ChooseMethod, CompareEmojis, QrScanned, WaitingForOtherDevice } from './steps/DeviceVerification.js';
import { Done, Loading, Waiting } from './steps/Progress.js';
import { ConfirmRecoveryKey, CreateRecoveryKey, SaveRecoveryKey } from './steps/RecoveryKey.js';
import { Registration, SignInCode, SignInEmail } from './steps/SignIn.js';
import { VerifyDevice } from './steps/VerifyDevice.js';

export function Step({ screen, actions }: { screen: Screen; actions: WizardActions }) {
  switch (screen.name) {
    case 'loading':
      return <Loading />;
    case 'sign-in-email':
      return <SignInEmail actions={actions} />;
    case 'sign-in-code':
      return <SignInCode email={screen.email} actions={actions} />;
    case 'registration':
      return <Registration offer={screen.offer} actions={actions} />;
    case 'waiting':
      return <Waiting until={screen.until} />;
    case 'create-recovery-key':
      return <CreateRecoveryKey actions={actions} />;
    case 'save-recovery-key':
      return <SaveRecoveryKey recoveryKey={screen.recoveryKey} actions={actions} />;
    case 'confirm-recovery-key':
      return <ConfirmRecoveryKey actions={actions} />;
    case 'verify-device':
      return <VerifyDevice withOtherDevice={screen.withOtherDevice} stopped={screen.stopped} actions={actions} />;
    case 'waiting-for-other-device':
      return <WaitingForOtherDevice verification={screen.verification} actions={actions} />;
    case 'choose-method':
      return <ChooseMethod verification={screen.verification} actions={actions} />;
    case 'compare-emojis':
      return <CompareEmojis verification={screen.verification} actions={actions} />;
    case 'qr-scanned':
      return <QrScanned verification={screen.verification} actions={actions} />;
    case 'done':
      return <Done />;
  }
}
