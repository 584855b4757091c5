/** Why an input could not be read or analyzed. Stable strings: they appear in JSON output. */
export type InputErrorCode =
  | 'not-found'
  | 'empty'
  | 'too-large'
  | 'binary'
  | 'unsupported-format'
  | 'encrypted'
  | 'corrupt'
  | 'no-text-layer'
  | 'not-a-report';

/**
 * The one error type for bad input. Its message is a single line meant for users; the CLI
 * prefixes the file name. Anything else thrown while reading a file is a bug, and is reported
 * as `corrupt` with the original error as `cause`.
 */
export class InputError extends Error {
  readonly code: InputErrorCode;

  constructor(code: InputErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InputError';
    this.code = code;
  }
}

/** Turn anything thrown while handling one input into an InputError with a one-line message. */
export function toInputError(error: unknown): InputError {
  if (error instanceof InputError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new InputError('corrupt', `cannot read: ${message.split('\n')[0]}`, { cause: error });
}
