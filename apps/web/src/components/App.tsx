import { target } from '../api.js';
import { useWizard } from '../use-wizard.js';
import { ErrorBanner } from './ErrorBanner.js';
import { IncomingRequest } from './IncomingRequest.js';
import { StatusPanel } from './StatusPanel.js';
import { Step } from './Step.js';

export function App() {
  const { state, screen, shownError, busy, actions } = useWizard();
  const incoming = screen.name === 'verify-device' ? screen.incoming : undefined;
  return (
    <>
      <header>
        <h1>Beeper setup</h1>
        <p>Setting up {target}</p>
        <p role="status" class="announcement">
          {state.session && `Now: ${state.session.state}`}
        </p>
      </header>
      <div class="layout">
        <main aria-busy={busy}>
          {shownError && <ErrorBanner error={shownError.error} target={target} onTryAgain={actions.tryAgain} />}
          {/* Present before any request arrives, so that screen readers announce the request when it does. */}
          <div aria-live="polite">{incoming && <IncomingRequest verification={incoming} actions={actions} />}</div>
          <Step key={screen.name} screen={screen} actions={actions} />
        </main>
        <StatusPanel session={state.session} />
      </div>
    </>
  );
}
