/** Parsers of option values shared by the commands. */
import { InvalidArgumentError, Option } from 'commander';

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

/** Byte sizes like 20000000, 20MB, 512KB. */
export function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/iu.exec(value.trim());
  if (!m) throw new InvalidArgumentError('expected a size such as 20MB');
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('g')
    ? 1024 ** 3
    : unit.startsWith('m')
      ? 1024 ** 2
      : unit.startsWith('k')
        ? 1024
        : 1;
  return Math.round(Number(m[1]) * factor);
}

/** `--json`: the same as `--format json` (the spelling of gold-format.md: `fazhi analyze --json FILE`). */
export function jsonOption(): Option {
  return new Option('--json', 'the same as --format json').implies({ format: 'json' });
}
