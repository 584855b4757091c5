import { defineConfig } from 'vitest/config';

const E2E = 'test/e2e/**/*.test.ts';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: [E2E],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // The browser tests run once the others are done: the render times they measure and print
        // are then the page's own, not the page's under a machine busy with other suites.
        extends: true,
        test: { name: 'e2e', include: [E2E], sequence: { groupOrder: 1 } },
      },
    ],
  },
});
