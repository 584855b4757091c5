/**
 * Adapter: find and read `fazhi.config.json`. The engine never reads files; it takes the
 * {@link ResolvedConfig} that `resolveConfig` makes of what this returns.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ConfigError, type UserConfig, validateConfig } from './config.js';

export const CONFIG_FILE = 'fazhi.config.json';

export interface LoadedConfig {
  config: UserConfig;
  /** Absolute path of the file, or null when none was found (defaults apply). */
  path: string | null;
  /** Directory globs of `overrides` and `ignores` are relative to. */
  dir: string;
}

/** The nearest `fazhi.config.json` in `start` or a directory above it, or null. */
export function findConfigFile(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** Read and validate a config file. Throws {@link ConfigError}. */
export function loadConfigFile(path: string): LoadedConfig {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/u, ''));
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  const problems = validateConfig(value);
  if (problems.length > 0) throw new ConfigError(`${path} is not a valid fazhi configuration`, problems);
  return { config: value as UserConfig, path: absolute, dir: dirname(absolute) };
}

/**
 * The configuration for a run: the file given, else the nearest one from `cwd` upwards, else the
 * defaults (the `recommended` preset).
 */
export function loadConfig(options: { configPath?: string; cwd?: string } = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  if (options.configPath) return loadConfigFile(resolve(cwd, options.configPath));
  const found = findConfigFile(cwd);
  return found ? loadConfigFile(found) : { config: {}, path: null, dir: resolve(cwd) };
}

/** `file` relative to the config's directory, with `/` separators, for `overrides` and `ignores`. */
export function relativeToConfig(loaded: LoadedConfig, file: string): string {
  return relative(loaded.dir, resolve(file)).split(sep).join('/');
}
