import { getSystemErrorMap } from 'node:util';

/** A failed system call in words a user reads: "no space left on device (ENOSPC)". */
export function systemErrorText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  const described = typeof e.errno === 'number' ? getSystemErrorMap().get(e.errno)?.[1] : undefined;
  return e.code && described ? `${described} (${e.code})` : String(e?.message ?? err);
}
