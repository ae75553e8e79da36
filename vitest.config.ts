import { defineConfig } from 'vitest/config';

// Dates are tested away from UTC (and on the other side of the date line from
// most users) so a forgotten time zone shows up as a wrong day.
process.env.TZ = 'Pacific/Auckland';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TZ: 'Pacific/Auckland' },
  },
});
