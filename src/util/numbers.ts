import { InvalidArgumentError } from 'commander';

/** A commander argument parser for whole numbers within [min, max]; a bad value is a usage error (exit 2). */
export function intOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value.replace(/_/g, ''));
    if (!/^-?[\d_]+$/.test(value.trim()) || !Number.isSafeInteger(n)) {
      throw new InvalidArgumentError(`${name} must be a whole number, got "${value}".`);
    }
    if (n < min || n > max) {
      throw new InvalidArgumentError(`${name} must be between ${min} and ${max}, got ${n}.`);
    }
    return n;
  };
}

/** A commander argument parser for decimal numbers within [min, max]. */
export function floatOption(name: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) {
      throw new InvalidArgumentError(`${name} must be a number, got "${value}".`);
    }
    if (n < min || n > max) throw new InvalidArgumentError(`${name} must be between ${min} and ${max}, got ${n}.`);
    return n;
  };
}

/** A parser that accepts one of a fixed set of words. */
export function choiceOption<T extends string>(name: string, choices: readonly T[]) {
  return (value: string): T => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`${name} must be one of ${choices.join(', ')}, got "${value}".`);
  };
}
