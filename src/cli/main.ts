/** The `fazhi` command line. `main` returns the exit code: 0 ok, 1 some input failed, 2 usage error. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { registerServeCommand } from '../server/command.js';
import { type AnalyzeFormat, runAnalyze } from './analyze-command.js';
import { registerCheckCommand } from './check-command.js';
import type { ExportOptions } from './export-command.js';
import { registerIngestCommand } from './ingest-command.js';
import { byteSize, jsonOption, positiveInt } from './options.js';
import { type Output, processOutput } from './output.js';
import { registerSearchCommand } from './search-command.js';
import { registerWorkerCommand } from './worker-command.js';

export function buildProgram(out: Output, setExit: (code: number) => void): Command {
  const program = new Command('fazhi')
    .description(
      '读取、检查和比较法治政府建设年度报告 — read, check and compare annual rule-of-law government reports',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => void out.write(s),
      writeErr: (s) => out.error(s.trimEnd()),
    })
    .exitOverride();

  program
    .command('analyze')
    .description('analyze reports (TXT, HTML, DOCX, PDF) and print their metadata and structure')
    .argument('<inputs...>', 'files, directories or glob patterns')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['text', 'json', 'ndjson'])
        .default('text'),
    )
    .addOption(jsonOption())
    .option('--force', 'analyze inputs even when they do not look like a rule-of-law report')
    .option('--max-bytes <size>', 'largest input file accepted (e.g. 20MB)', byteSize)
    .option('-c, --config <path>', 'configuration of the checks (default: the nearest fazhi.config.json)')
    .action(
      async (
        inputs: string[],
        opts: { format: AnalyzeFormat; force?: boolean; maxBytes?: number; config?: string },
      ) => {
        const failed = await runAnalyze(inputs, opts, out);
        setExit(failed < 0 ? 2 : failed > 0 ? 1 : 0);
      },
    );

  registerCheckCommand(program, out, setExit);
  registerIngestCommand(program, out, setExit);
  registerSearchCommand(program, out, setExit);
  registerWorkerCommand(program, out, setExit);
  registerServeCommand(program, out, setExit);

  program
    .command('eval')
    .description('score the analyzer against a directory of gold readings (metadata, parts, indicators)')
    .argument('<gold-dir>', 'directory of gold JSON files (e.g. ../shared/gold/seeds)')
    .option('--corpus <dir>', 'directory holding the reports (default: resolved from each gold "source")')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(jsonOption())
    .action(async (goldDir: string, opts: { corpus?: string; format: 'text' | 'json' }) => {
      const { evaluateGold, formatEval } = await import('../eval/run.js');
      const result = await evaluateGold(goldDir, { corpus: opts.corpus });
      await out.write(
        opts.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : `${formatEval(result)}\n`,
      );
      setExit(result.errors.length > 0 ? 1 : 0);
    });

  program
    .command('export')
    .description(
      'export figures (long or wide), findings and scores of reports as CSV or XLSX, or their review (审阅意见) as DOCX',
    )
    .argument('[inputs...]', 'files, directories or glob patterns (none: the corpus in the store)')
    .option('--data <dir>', 'embedded database directory (default: $FAZHI_DATA, else ./fazhi-data)')
    .option('--database-url <url>', 'PostgreSQL server (default: $DATABASE_URL)')
    .addOption(
      new Option('-t, --table <table>', 'what to export (review: the review document, DOCX)')
        .choices(['figures', 'figures-wide', 'findings', 'scores', 'all', 'review'])
        .default('figures'),
    )
    .addOption(
      new Option('-f, --format <format>', 'file format (docx: the review document)')
        .choices(['csv', 'xlsx', 'docx'])
        .default('csv'),
    )
    .option('-o, --out <file>', 'output file (CSV goes to standard output without it)')
    .action(async (inputs: string[], opts: ExportOptions) => {
      const { runExport } = await import('./export-command.js');
      setExit(await runExport(inputs, opts, out));
    });

  program
    .command('reuse')
    .description("find passages copied between reports of the corpus (and from a unit's earlier reports)")
    .option('--data <dir>', 'embedded database directory (default: $FAZHI_DATA, else ./fazhi-data)')
    .option('--database-url <url>', 'PostgreSQL server (default: $DATABASE_URL)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(jsonOption())
    .action(async (opts: { data?: string; databaseUrl?: string; format: 'text' | 'json' }) => {
      const { runReuse } = await import('./reuse-command.js');
      setExit(await runReuse(opts, out));
    });

  program
    .command('generate')
    .description(
      'write a corpus of synthetic reports (our own text) with their gold readings and injected defects',
    )
    .requiredOption('-o, --out <dir>', 'output directory')
    .option('-n, --count <n>', 'number of reports', positiveInt, 100)
    .option('--seed <n>', 'random seed (same seed, same corpus)', positiveInt, 1)
    .option('--formats <list>', 'comma-separated formats: txt, html, docx', 'txt')
    .action(async (opts: { out: string; count: number; seed: number; formats: string }) => {
      const formats = opts.formats.split(',').map((f) => f.trim());
      const bad = formats.filter((f) => !['txt', 'html', 'docx'].includes(f));
      if (bad.length > 0) throw new InvalidArgumentError(`unknown format ${bad.join(', ')}`);
      const { writeCorpus } = await import('../synth/write.js');
      const result = await writeCorpus(opts.out, {
        count: opts.count,
        seed: opts.seed,
        formats: formats as ('txt' | 'html' | 'docx')[],
      });
      await out.write(`wrote ${result.files} files (${result.bytes} bytes) to ${opts.out}\n`);
      setExit(0);
    });

  program
    .command('demo')
    .description('generate the demo corpus (synthetic reports) if needed and analyze it')
    .option('--dir <dir>', 'where the demo corpus lives', 'fazhi-data/demo')
    .option('--count <n>', 'number of demo reports', positiveInt, 12)
    .action(async (opts: { dir: string; count: number }) => {
      const { runDemo } = await import('./demo-command.js');
      setExit(await runDemo(opts, out));
    });

  return program;
}

export async function main(argv: string[], out: Output = processOutput): Promise<number> {
  let code = 0;
  const program = buildProgram(out, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? 0 : 2;
    }
    out.error(`fazhi: ${(error as Error).message}`);
    return 2;
  }
  return code;
}
