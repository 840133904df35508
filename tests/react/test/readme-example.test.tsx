import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { App } from './readme-example.js';
import { useSimulator } from './simulator.js';

useSimulator();

it('renders the README’s example: the state of a device nobody is signed in on', async () => {
  render(<App />);
  expect(await screen.findByText('needs-login', {}, { timeout: 15_000 })).toBeDefined();
});
