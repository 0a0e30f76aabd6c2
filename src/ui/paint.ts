import { Chalk, type ChalkInstance } from 'chalk';

/** A chalk whose colour follows the command's context (NO_COLOR, pipes), not the process globals. */
export function paint(color: boolean): ChalkInstance {
  return new Chalk({ level: color ? 1 : 0 });
}
