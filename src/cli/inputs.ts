/**
 * Expand the FILE|DIR|GLOB arguments of the CLI into files, in a stable order. An argument that
 * matches nothing is kept as a missing input so it is reported, not silently dropped.
 */
import { stat } from 'node:fs/promises';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Extensions fazhi reads when it walks a directory. */
export const REPORT_EXTENSIONS = ['txt', 'text', 'html', 'htm', 'shtml', 'xhtml', 'docx', 'pdf', 'doc'];

export interface ExpandedInput {
  path: string;
  /** True when the argument matched no file. */
  missing: boolean;
}

async function kindOf(path: string): Promise<'file' | 'dir' | null> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

export async function expandInputs(args: string[]): Promise<ExpandedInput[]> {
  const out: ExpandedInput[] = [];
  const seen = new Set<string>();
  const push = (path: string, missing = false): void => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ path, missing });
  };
  for (const arg of args) {
    const kind = await kindOf(arg);
    if (kind === 'file') {
      push(arg);
    } else if (kind === 'dir') {
      const pattern = `**/*.{${REPORT_EXTENSIONS.join(',')}}`;
      const files = await glob(pattern, { cwd: arg, caseSensitiveMatch: false, dot: false });
      for (const file of files.sort()) push(`${arg.replace(/\/+$/u, '')}/${file}`);
    } else if (isDynamicPattern(arg)) {
      const files = await glob(arg, { onlyFiles: true, dot: false });
      if (files.length === 0) push(arg, true);
      for (const file of files.sort()) push(file);
    } else {
      push(arg, true);
    }
  }
  return out;
}
