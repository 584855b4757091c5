/** `fazhi analyze FILE|DIR|GLOB...`: read each input, print its reading; bad inputs never stop the batch. */
import { ConfigError, resolveConfig } from '../checks/config.js';
import { loadConfig, relativeToConfig } from '../checks/config-load.js';
import { checkReport } from '../checks/index.js';
import type { Knowledge } from '../core/knowledge.js';
import { InputError } from '../errors.js';
import { loadKnowledge } from '../knowledge/load.js';
import { type ContractError, type ContractReport, toContract } from '../output/contract.js';
import { analyzeFile } from '../pipeline.js';
import { formatReportText } from './format-text.js';
import { expandInputs } from './inputs.js';
import type { Output } from './output.js';

export type AnalyzeFormat = 'text' | 'json' | 'ndjson';

export interface AnalyzeCommandOptions {
  format: AnalyzeFormat;
  force?: boolean;
  maxBytes?: number;
  /** Configuration of the checks (default: the nearest fazhi.config.json from `cwd` up). */
  config?: string;
  cwd?: string;
  knowledge?: Knowledge;
}

/** Analyze every input and print; returns the number of inputs that failed, -1 for a bad configuration. */
export async function runAnalyze(
  args: string[],
  options: AnalyzeCommandOptions,
  out: Output,
): Promise<number> {
  // The findings and score follow the same configuration as `fazhi check`.
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig({ configPath: options.config, cwd: options.cwd });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    out.error(`fazhi analyze: ${error.message}`);
    return -1;
  }
  const inputs = await expandInputs(args);
  if (inputs.length === 0) {
    out.error('fazhi analyze: no input files');
    return 1;
  }
  const knowledge = options.knowledge ?? loadKnowledge();
  const single = inputs.length === 1;
  const collected: (ContractReport | ContractError)[] = [];
  let failed = 0;
  if (options.format === 'json' && !single) await out.write('{"reports":[\n');
  for (const [i, input] of inputs.entries()) {
    let result: ContractReport | ContractError;
    try {
      if (input.missing) throw new InputError('not-found', 'no such file or no file matches');
      const analyzed = await analyzeFile(input.path, {
        knowledge,
        force: options.force,
        maxBytes: options.maxBytes,
      });
      const config = resolveConfig(loaded.config, { file: relativeToConfig(loaded, input.path) });
      result = toContract(input.path, analyzed, checkReport(analyzed.report, knowledge, config));
    } catch (error) {
      const e = error instanceof InputError ? error : new InputError('corrupt', String(error));
      failed++;
      out.error(`${input.path}: ${e.message}`);
      result = { source: input.path, error: e.message, errorCode: e.code };
    }
    if (options.format === 'ndjson') {
      await out.write(`${JSON.stringify(result)}\n`);
    } else if (options.format === 'json') {
      if (single) collected.push(result);
      else await out.write(`${i > 0 ? ',\n' : ''}${JSON.stringify(result, null, 2)}`);
    } else if ('meta' in result) {
      await out.write(`${formatReportText(result)}\n\n`);
    }
  }
  if (options.format === 'json') {
    if (single) await out.write(`${JSON.stringify(collected[0], null, 2)}\n`);
    else await out.write('\n]}\n');
  }
  if (options.format === 'text' && !single) {
    await out.write(
      `${inputs.length - failed} of ${inputs.length} inputs analyzed${failed ? `, ${failed} failed` : ''}\n`,
    );
  }
  return failed;
}
