/**
 * `npm run bench`: throughput of the reading on a large synthetic corpus (ours), and of figure
 * extraction against peers on the same text. Prints numbers and ratios; asserts nothing.
 *
 * Options (environment): BENCH_REPORTS (default 2000), BENCH_PEER_REPORTS (default 200).
 */
import { analyze } from '../core/analyze.js';
import { extractFigures } from '../figures/extract.js';
import { findQuantities } from '../figures/quantity.js';
import { loadKnowledge } from '../knowledge/load.js';
import { benchReuseOn, formatReuseBench } from '../reuse/bench.js';
import { generateCorpus } from '../synth/generate.js';
import { loadPeers } from './peers.js';

const encoder = new TextEncoder();

interface Timing {
  seconds: number;
  bytes: number;
  items: number;
}

function time(fn: () => number, bytes: number, items: number): Timing {
  const start = process.hrtime.bigint();
  const n = fn();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (n < 0) throw new Error('unreachable'); // keeps the work observable
  return { seconds, bytes, items };
}

const mbps = (t: Timing): number => t.bytes / 1024 / 1024 / t.seconds;
const fmt = (x: number, digits = 1): string => x.toFixed(digits);

let peakRss = 0;
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

async function main(): Promise<void> {
  const reports = Number(process.env.BENCH_REPORTS ?? 2000);
  const peerReports = Number(process.env.BENCH_PEER_REPORTS ?? 200);
  const started = Date.now();
  const knowledgeStart = process.hrtime.bigint();
  const knowledge = loadKnowledge();
  const knowledgeMs = Number(process.hrtime.bigint() - knowledgeStart) / 1e6;

  const texts: string[] = [];
  for (const report of generateCorpus(reports, 7, { defects: 'random', chrome: true }))
    texts.push(report.text);
  const bytes = texts.reduce((n, t) => n + encoder.encode(t).length, 0);
  sampleRss();
  console.log(`fazhi bench — Node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(
    `corpus: ${texts.length} synthetic reports, ${fmt(bytes / 1024 / 1024, 2)} MB UTF-8; knowledge loaded in ${fmt(knowledgeMs, 0)} ms\n`,
  );

  // Warm up the JIT on a slice, then measure the whole reading.
  for (const t of texts.slice(0, 50)) analyze(t, { knowledge });
  const analyzed = texts.map(() => null as ReturnType<typeof analyze> | null);
  const whole = time(
    () => {
      let n = 0;
      texts.forEach((t, i) => {
        const r = analyze(t, { knowledge });
        analyzed[i] = r;
        n += r.figures.length;
        if (i % 200 === 0) sampleRss();
      });
      return n;
    },
    bytes,
    texts.length,
  );
  console.log('analyze (normalize + layout + meta + structure + figures):');
  console.log(
    `  ${fmt(mbps(whole), 2)} MB/s, ${fmt(whole.items / whole.seconds, 0)} reports/s (${fmt(whole.seconds, 2)} s)`,
  );

  // Figures alone, and peers on the same body text.
  const bodies = analyzed.slice(0, peerReports).map((r) => (r ? r.text.slice(r.body.start, r.body.end) : ''));
  const bodyBytes = bodies.reduce((n, t) => n + encoder.encode(t).length, 0);
  const ours = time(
    () =>
      bodies.reduce(
        (n, b) => n + extractFigures(b, knowledge.catalogue, { body: { start: 0, end: b.length } }).length,
        0,
      ),
    bodyBytes,
    bodies.length,
  );
  const quantities = time(
    () => bodies.reduce((n, b) => n + findQuantities(b).length, 0),
    bodyBytes,
    bodies.length,
  );
  console.log(`\nfigures on ${bodies.length} report bodies (${fmt(bodyBytes / 1024 / 1024, 2)} MB):`);
  console.log(`  fazhi extractFigures (quantities + indicator keys): ${fmt(mbps(ours), 2)} MB/s`);
  console.log(`  fazhi findQuantities (numbers, units, qualifiers):  ${fmt(mbps(quantities), 2)} MB/s`);
  for (const peer of await loadPeers()) {
    const t = time(() => bodies.reduce((n, b) => n + peer.run(b), 0), bodyBytes, bodies.length);
    console.log(
      `  ${peer.name.padEnd(48)} ${fmt(mbps(t), 2)} MB/s  → extractFigures is ${fmt(mbps(ours) / mbps(t), 1)}× its speed`,
    );
  }
  // Copy detection over the analyzed corpus (BENCH_REUSE_REPORTS, default 1000).
  const reuseCount = Number(process.env.BENCH_REUSE_REPORTS ?? 1000);
  const reuse = benchReuseOn(
    analyzed.slice(0, reuseCount).flatMap((report, i) => (report ? [{ id: String(i), report }] : [])),
  );
  console.log(`\n${formatReuseBench(reuse).join('\n')}`);
  sampleRss();
  console.log(
    `\npeak RSS ${fmt(peakRss / 1024 / 1024, 0)} MB; total ${fmt((Date.now() - started) / 1000, 1)} s`,
  );
}

await main();
