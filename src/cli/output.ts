/** Where commands print; a seam so tests can run commands in-process and read what they printed. */
export interface Output {
  /** Write to standard output, waiting when the pipe is full (large ndjson batches). */
  write(chunk: string): Promise<void>;
  /** One line to standard error. */
  error(line: string): void;
}

export const processOutput: Output = {
  write(chunk) {
    return new Promise((resolve, reject) => {
      const ok = process.stdout.write(chunk, (error) => (error ? reject(error) : undefined));
      if (ok) resolve();
      else process.stdout.once('drain', () => resolve());
    });
  },
  error(line) {
    process.stderr.write(`${line}\n`);
  },
};

/** An Output that keeps everything in memory. */
export function memoryOutput(): Output & { stdout: string; stderr: string } {
  const sink = {
    stdout: '',
    stderr: '',
    async write(chunk: string) {
      sink.stdout += chunk;
    },
    error(line: string) {
      sink.stderr += `${line}\n`;
    },
  };
  return sink;
}
