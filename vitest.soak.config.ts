import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// Long simulations (minutes, not seconds): `npm run test:soak`, a CI step of its own.
export default defineConfig({ test: { ...base.test, include: ['test/**/*.soak.ts'], testTimeout: 600_000 } });
