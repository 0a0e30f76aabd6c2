import { randomBytes } from 'node:crypto';
import { constants, copyFileSync, linkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A private name beside `file`, in the same folder so that linking or renaming it into place is atomic. */
export function tempBeside(file: string, suffix: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.${suffix}`);
}

const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/**
 * Gives the finished `temp` the name `target` only if nothing has that name, even a file another process
 * created a moment ago: a hard link fails when the name exists, and on a file system without hard links
 * (FAT, some network shares) an exclusive copy does the same. False when the name was taken.
 */
export function placeIfFree(temp: string, target: string): boolean {
  try {
    linkSync(temp, target);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code ?? '')) throw err;
  }
  try {
    copyFileSync(temp, target, constants.COPYFILE_EXCL);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
}
