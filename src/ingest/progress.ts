/**
 * Ingest progress: a cli-progress bar with rate and ETA on a terminal, plain lines when the
 * output is a pipe or a log (at most one per `intervalMs`, and one at the end), or nothing.
 */
import cliProgress from 'cli-progress';

export interface ProgressCounts {
  /** Files done (committed, skipped as unchanged, or failed). */
  done: number;
  total: number;
  added: number;
  failed: number;
}

export interface Progress {
  update(counts: ProgressCounts): void;
  stop(counts: ProgressCounts): void;
}

export type ProgressMode = 'bar' | 'lines' | 'none';

export const noProgress: Progress = { update() {}, stop() {} };

function seconds(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${Math.round(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.round((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** Rate and ETA over the whole run so far. */
export function rateAndEta(counts: ProgressCounts, elapsedMs: number): { rate: number; eta: number } {
  const rate = elapsedMs > 0 ? (counts.done * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? (counts.total - counts.done) / rate : Number.POSITIVE_INFINITY;
  return { rate, eta };
}

/** A line like `ingest: 40/120 files (33%), 12.5 files/s, ETA 6s, 3 new, 0 failed`. */
export function progressLine(counts: ProgressCounts, elapsedMs: number): string {
  const { rate, eta } = rateAndEta(counts, elapsedMs);
  const pct = counts.total > 0 ? Math.floor((counts.done * 100) / counts.total) : 100;
  return (
    `ingest: ${counts.done}/${counts.total} files (${pct}%), ${rate.toFixed(1)} files/s, ` +
    `ETA ${seconds(eta)}, ${counts.added} new, ${counts.failed} failed`
  );
}

export function createProgress(
  mode: ProgressMode,
  options: { stream?: NodeJS.WritableStream; line?: (text: string) => void; intervalMs?: number } = {},
): Progress {
  const started = Date.now();
  if (mode === 'none') return noProgress;
  if (mode === 'lines') {
    const line = options.line ?? ((text: string) => process.stderr.write(`${text}\n`));
    const interval = options.intervalMs ?? 5000;
    let last = started;
    let lastDone = -1;
    return {
      update(counts) {
        const now = Date.now();
        if (counts.done === 0 || now - last < interval || counts.done === lastDone) return;
        last = now;
        lastDone = counts.done;
        line(progressLine(counts, now - started));
      },
      stop(counts) {
        if (counts.done !== lastDone) line(progressLine(counts, Date.now() - started));
      },
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format:
        'ingest [{bar}] {percentage}% | {value}/{total} files | {rate} files/s | ETA {eta_formatted} | {added} new, {failed} failed',
      stream: options.stream ?? process.stderr,
      hideCursor: true,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let begun = false;
  const payload = (counts: ProgressCounts) => ({
    rate: rateAndEta(counts, Date.now() - started).rate.toFixed(1),
    added: counts.added,
    failed: counts.failed,
  });
  return {
    update(counts) {
      if (!begun) {
        bar.start(counts.total, counts.done, payload(counts));
        begun = true;
      } else bar.update(counts.done, payload(counts));
    },
    stop(counts) {
      if (!begun) return;
      bar.update(counts.done, payload(counts));
      bar.stop();
    },
  };
}
