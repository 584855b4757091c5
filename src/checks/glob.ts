/**
 * File globs for `overrides[].files` and `ignores` of the configuration: `**`, `*`, `?`, `[…]`
 * and `{a,b}`, matched against `/`-separated paths relative to the configuration's directory. A
 * pattern without a `/` matches the file name at any depth (as in .gitignore); a pattern that
 * ends in `/` matches everything below that directory.
 */

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/u.test(ch) ? `\\${ch}` : ch;
}

/** Compile one glob into a regular expression over a whole relative path. */
export function globToRegExp(glob: string): RegExp {
  let pattern = glob.replace(/\\/gu, '/');
  if (pattern.startsWith('./')) pattern = pattern.slice(2);
  if (pattern.endsWith('/')) pattern += '**';
  const anyDepth = !pattern.includes('/');
  let re = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        // '**/' matches zero or more directories; a trailing '**' matches the rest.
        if (pattern[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else {
        re += '[^/]*';
      }
    } else if (ch === '?') {
      re += '[^/]';
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) {
        re += '\\[';
      } else {
        let set = pattern.slice(i + 1, close).replace(/\\/gu, '\\\\');
        if (set.startsWith('!')) set = `^${set.slice(1)}`;
        re += `[${set}]`;
        i = close;
      }
    } else if (ch === '{') {
      braces++;
      re += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (ch === ',' && braces > 0) {
      re += '|';
    } else {
      re += escapeChar(ch);
    }
  }
  return new RegExp(`^${anyDepth ? '(?:.*/)?' : ''}${re}$`, 'u');
}

/** Whether the relative path `file` matches `glob`. */
export function matchesGlob(file: string, glob: string): boolean {
  const path = file.replace(/\\/gu, '/').replace(/^\.\//u, '');
  return globToRegExp(glob).test(path);
}

/** Whether `file` matches any of `globs`; a glob starting with `!` re-includes what earlier ones matched. */
export function matchesAny(file: string, globs: readonly string[]): boolean {
  let matched = false;
  for (const glob of globs) {
    if (glob.startsWith('!')) {
      if (matched && matchesGlob(file, glob.slice(1))) matched = false;
    } else if (!matched && matchesGlob(file, glob)) {
      matched = true;
    }
  }
  return matched;
}
