/**
 * Access to `../shared` (real reports and their gold readings, kept outside the repository).
 * Tests that read it skip when it is absent on a developer machine, and fail loudly under CI.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';

export const SHARED_DIR = fileURLToPath(new URL('../../shared/', import.meta.url));
export const sharedPresent = existsSync(SHARED_DIR);

/** Call at the top of a test file that needs ../shared: registers a failing test under CI when it is missing. */
export function requireShared(): boolean {
  if (!sharedPresent && process.env.CI) {
    it('needs ../shared beside the repository', () => {
      throw new Error(`${SHARED_DIR} is missing; CI must run with ../shared beside the clone`);
    });
  }
  return sharedPresent;
}
