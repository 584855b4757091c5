/**
 * `fazhi serve [DATA-DIR]`: the web app. Registered by src/cli/main.ts with
 * `registerServeCommand(program, out, setExit)`; the server modules load only when it runs.
 */
import { type Command, InvalidArgumentError } from 'commander';
import type { Output } from '../cli/output.js';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number');
  return n;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function megabytes(value: string): number {
  const n = Number(value.replace(/\s*m(i)?b?$/iu, ''));
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a size in MB, such as 20');
  return Math.round(n * 1024 * 1024);
}

interface ServeCliOptions {
  data?: string;
  databaseUrl?: string;
  port?: number;
  host?: string;
  demo?: boolean;
  demoCount?: number;
  uploadDir?: string;
  jobs?: number;
  maxUpload?: number;
}

export function registerServeCommand(
  program: Command,
  out: Output,
  setExit: (code: number) => void,
): Command {
  return program
    .command('serve')
    .description('serve the web app (浏览、比较、审阅报告) on the store; prints its URL')
    .argument('[data-dir]', 'embedded database directory (default: $FAZHI_DATA, else ./fazhi-data)')
    .option('--data <dir>', 'embedded database directory (same as the argument)')
    .option(
      '--database-url <url>',
      'PostgreSQL database (default: $DATABASE_URL; used instead of the directory)',
    )
    .option('-p, --port <port>', 'port (default: $PORT, else 3000)', port)
    .option('--host <host>', 'address to listen on (default: $HOST, else 127.0.0.1)')
    .option('--demo', 'fill an empty store with the demo corpus (synthetic reports) first')
    .option('--demo-count <n>', 'number of demo reports', positive)
    .option('--upload-dir <dir>', 'where uploaded files are kept (default: <data-dir>/uploads)')
    .option('--jobs <n>', 'analysis threads for uploads (default 2)', positive)
    .option('--max-upload <mb>', 'largest uploaded file in MB (default 20)', megabytes)
    .action(async (dataDir: string | undefined, opts: ServeCliOptions) => {
      const { runServe } = await import('./serve.js');
      setExit(
        await runServe(
          {
            data: opts.data ?? dataDir,
            databaseUrl: opts.databaseUrl,
            port: opts.port,
            host: opts.host,
            demo: opts.demo,
            demoCount: opts.demoCount,
            uploadDir: opts.uploadDir,
            jobs: opts.jobs,
            maxUploadBytes: opts.maxUpload,
          },
          out,
        ),
      );
    });
}
