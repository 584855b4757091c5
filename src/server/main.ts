/**
 * Stand-alone entry of the web server, `node dist/server/main.js [DATA-DIR] [--demo] …`: the
 * `fazhi serve` command without the rest of the CLI (used until it is registered in
 * src/cli/main.ts, and by the end-to-end tests' manual runs).
 */
import { Command, CommanderError } from 'commander';
import { processOutput } from '../cli/output.js';
import { registerServeCommand } from './command.js';

let code = 0;
const program = new Command('fazhi').exitOverride();
registerServeCommand(program, processOutput, (c) => {
  code = c;
});
try {
  await program.parseAsync(['serve', ...process.argv.slice(2)], { from: 'user' });
} catch (error) {
  if (!(error instanceof CommanderError)) processOutput.error(`fazhi serve: ${(error as Error).message}`);
  code = error instanceof CommanderError && error.code === 'commander.helpDisplayed' ? 0 : 2;
}
process.exitCode = code;
