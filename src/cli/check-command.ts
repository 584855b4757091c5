/**
 * `fazhi check FILE|DIR|GLOB...`: analyze each report, run the rules the configuration turns on,
 * print the findings ESLint-style (or as JSON, SARIF, Markdown). Exit code 0 when no error-severity
 * finding was reported (and the warnings are within `--max-warnings`), 1 otherwise or when an input
 * could not be read, 2 for a bad configuration or usage.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import { ConfigError, PRESETS, type PresetName, type UserConfig } from '../checks/config.js';
import { type LoadedConfig, loadConfig, relativeToConfig } from '../checks/config-load.js';
import { htmlDirectives } from '../checks/directives.js';
import { checkReport, isIgnored, resolveConfig } from '../checks/index.js';
import type { Knowledge } from '../core/knowledge.js';
import { InputError, toInputError } from '../errors.js';
import { loadKnowledge } from '../knowledge/load.js';
import { analyzeBytes, readInputFile } from '../pipeline.js';
import {
  CHECK_FORMATS,
  type CheckFormat,
  countFindings,
  createLocator,
  type FileResult,
  formatResults,
} from './format-findings.js';
import { expandInputs } from './inputs.js';
import { byteSize, jsonOption } from './options.js';
import type { Output } from './output.js';

export interface CheckCommandOptions {
  format?: CheckFormat;
  /** Path of a config file (default: the nearest fazhi.config.json from `cwd` up). */
  config?: string;
  /** Replaces the config's `extends`. */
  preset?: PresetName;
  /** Exit with 1 when there are more warnings than this. */
  maxWarnings?: number;
  /** Report errors only. */
  quiet?: boolean;
  /** False ignores fazhi-disable directives (`--no-inline-config`). */
  inlineConfig?: boolean;
  force?: boolean;
  maxBytes?: number;
  knowledge?: Knowledge;
  cwd?: string;
}

/** The page's source for its HTML comments; directives are ASCII, the text around them may not be. */
function decode(bytes: Uint8Array, encoding: string | undefined): string {
  try {
    return new TextDecoder(encoding ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Read, analyze and check one file. Throws InputError. */
async function checkFile(
  path: string,
  loaded: LoadedConfig,
  user: UserConfig,
  options: CheckCommandOptions,
  knowledge: Knowledge,
): Promise<FileResult> {
  const bytes = await readInputFile(path, options.maxBytes);
  try {
    const { report, document } = await analyzeBytes(bytes, path, {
      knowledge,
      force: options.force,
      maxBytes: options.maxBytes,
    });
    const config = resolveConfig(user, { file: relativeToConfig(loaded, path), preset: options.preset });
    if (options.inlineConfig === false) config.noInlineConfig = true;
    const html =
      document.format === 'html' && !config.noInlineConfig
        ? htmlDirectives(decode(bytes, document.encoding), report.text)
        : { directives: [], problems: [] };
    const result = checkReport(report, knowledge, config, undefined, {
      directives: html.directives,
      directiveProblems: html.problems,
    });
    for (const e of result.errors) throw new Error(`rule ${e.ruleId} failed: ${e.message}`);
    const findings = options.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
    return {
      source: path,
      format: document.format,
      findings,
      suppressed: result.suppressed.length,
      score: { total: result.score.total, dimensions: result.score.dimensions },
      text: report.text,
      locate: createLocator(report.text, report.sourceMap, document.text),
    };
  } catch (error) {
    throw toInputError(error);
  }
}

/** Run the check; returns the exit code. */
export async function runCheck(args: string[], options: CheckCommandOptions, out: Output): Promise<number> {
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig({ configPath: options.config, cwd: options.cwd });
  } catch (error) {
    if (error instanceof ConfigError) {
      out.error(`fazhi check: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const user = loaded.config;
  const inputs = await expandInputs(args);
  if (inputs.length === 0) {
    out.error('fazhi check: no input files');
    return 1;
  }
  const knowledge = options.knowledge ?? loadKnowledge();
  const results: FileResult[] = [];
  for (const input of inputs) {
    if (!input.missing && isIgnored(user, relativeToConfig(loaded, input.path))) {
      if (args.includes(input.path))
        out.error(`${input.path}: ignored by ${loaded.path ?? 'the configuration'}`);
      continue;
    }
    try {
      if (input.missing) throw new InputError('not-found', 'no such file or no file matches');
      results.push(await checkFile(input.path, loaded, user, options, knowledge));
    } catch (error) {
      const e = error instanceof InputError ? error : toInputError(error);
      out.error(`${input.path}: ${e.message}`);
      results.push({
        source: input.path,
        findings: [],
        suppressed: 0,
        error: { code: e.code, message: e.message },
      });
    }
  }
  if (results.length === 0) {
    out.error('fazhi check: every input is ignored by the configuration');
    return 0;
  }
  await out.write(formatResults(options.format ?? 'stylish', results));
  const counts = countFindings(results);
  let code = counts.errors > 0 || counts.failed > 0 ? 1 : 0;
  if (
    options.maxWarnings !== undefined &&
    options.maxWarnings >= 0 &&
    counts.warnings > options.maxWarnings
  ) {
    out.error(`fazhi check: too many warnings (${counts.warnings}; maximum: ${options.maxWarnings})`);
    code = 1;
  }
  return code;
}

function nonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1)
    throw new InvalidArgumentError('expected a whole number (−1 for no limit)');
  return n;
}

/**
 * Add `check` to the program.
 *
 * @example registerCheckCommand(program, out, setExit) // in buildProgram (src/cli/main.ts)
 */
export function registerCheckCommand(
  program: Command,
  out: Output,
  setExit: (code: number) => void,
): Command {
  return program
    .command('check')
    .description('check reports against the rules for annual reports; exit 1 when an error is found')
    .argument('<inputs...>', 'files, directories or glob patterns')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices([...CHECK_FORMATS]).default('stylish'),
    )
    .addOption(jsonOption())
    .option('-c, --config <path>', 'configuration file (default: the nearest fazhi.config.json)')
    .addOption(
      new Option('--preset <name>', 'rule preset, replacing "extends" of the config').choices([...PRESETS]),
    )
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this', nonNegativeInt)
    .option('--quiet', 'report errors only')
    .option('--no-inline-config', 'ignore fazhi-disable directives written in reports')
    .option('--force', 'check inputs even when they do not look like a rule-of-law report')
    .option('--max-bytes <size>', 'largest input file accepted (e.g. 20MB)', byteSize)
    .action(async (inputs: string[], opts: CheckCommandOptions) => {
      setExit(await runCheck(inputs, opts, out));
    });
}
