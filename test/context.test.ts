import { describe, expect, it, vi } from 'vitest';
import { processContext } from '../src/context.js';

describe('the process context: output errors', () => {
  const failure = (code: string) => Object.assign(new Error(`write ${code}`), { code });

  it('a terminal that hung up (EIO, maybe several writes) does not crash the process, so the draft can still be saved', () => {
    const before = process.stdout.listeners('error');
    processContext();
    const added = process.stdout.listeners('error').filter((l) => !before.includes(l));
    try {
      expect(added).toHaveLength(1);
      expect(() => process.stdout.emit('error', failure('EIO'))).not.toThrow();
      expect(() => process.stdout.emit('error', failure('EIO'))).not.toThrow();
      // Anything else is still a failure: one line on stderr and exit 1 (the end-to-end test writes to /dev/full).
      const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
      const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
      process.stdout.emit('error', failure('EACCES'));
      expect(exit).toHaveBeenCalledWith(1);
      expect(stderr).toHaveBeenCalledWith(expect.stringMatching(/^error: cannot write the output: .*EACCES.*\n$/));
    } finally {
      vi.restoreAllMocks();
      for (const l of added) process.stdout.off('error', l as (...args: unknown[]) => void);
    }
  });
});
