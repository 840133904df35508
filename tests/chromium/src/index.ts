export { launchChromium } from './launch.js';
export { keepLocal } from './local-only.js';
