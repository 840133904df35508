import { render } from 'preact';
import { App } from '../src/components/App.js';
import '../src/styles.css';
import './simulator-panel.css';
import { SimulatorPanel } from './SimulatorPanel.js';
import { startSimulatorWorker } from './simulator-worker.js';

const root = document.getElementById('app')!;

// The wizard reads the setup state as soon as it is drawn, so it is drawn only once the simulator can answer.
startSimulatorWorker().then(
  () =>
    render(
      <>
        <SimulatorPanel />
        <App />
      </>,
      root,
    ),
  (error: unknown) => render(<p role="alert">The demo could not start its simulator: {String(error)}</p>, root),
);
