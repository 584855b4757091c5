/**
 * `fazhi demo` (what `npm start` runs until the web app lands): make sure a demo corpus of our own
 * synthetic reports exists, then analyze it and print the readings.
 */
import { existsSync, readdirSync } from 'node:fs';
import { writeCorpus } from '../synth/write.js';
import { runAnalyze } from './analyze-command.js';
import type { Output } from './output.js';

export interface DemoOptions {
  dir: string;
  count: number;
}

export const DEMO_SEED = 20240401;

export async function runDemo(options: DemoOptions, out: Output): Promise<number> {
  const hasReports = existsSync(options.dir) && readdirSync(options.dir).some((f) => !f.endsWith('.json'));
  if (!hasReports) {
    out.error(`generating ${options.count} synthetic demo reports in ${options.dir} …`);
    const { files } = await writeCorpus(options.dir, {
      count: options.count,
      seed: DEMO_SEED,
      formats: ['txt', 'html', 'docx'],
    });
    out.error(`wrote ${files} files`);
  }
  const failed = await runAnalyze([options.dir], { format: 'text' }, out);
  await out.write(
    `The demo corpus is in ${options.dir}; try: npx fazhi analyze ${options.dir} --format json\n`,
  );
  return failed > 0 ? 1 : 0;
}
