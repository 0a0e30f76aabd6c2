import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../src/cli.js';
import type { Content } from '../src/content/load.js';
import { lazyEdges, processContext } from '../src/context.js';
import { UserError } from '../src/errors.js';
import { openStore } from '../src/store/open.js';
import { testContext } from './helpers/context.js';

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

describe('the lazy edges: the history database', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) {
      chmodSync(dir, 0o700);
      rmSync(dir, { recursive: true, force: true });
    }
  });
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
    dirs.push(dir);
    return dir;
  };

  it('is opened once per run, whatever asks for it, and closed once by dispose', async () => {
    const file = join(tempDir(), 'coach.db');
    const edges = lazyEdges({});
    const first = await edges.history(file);
    const again = await edges.history(file, { write: true });
    expect(again).toBe(first);
    expect(first.db.open).toBe(true);
    edges.dispose();
    expect(first.db.open).toBe(false);
    expect(() => edges.dispose()).not.toThrow();
  });

  it('a --db path that must exist and does not is refused, and not created', async () => {
    const file = join(tempDir(), 'typo.db');
    const edges = lazyEdges({});
    await expect(edges.history(file, { mustExist: true })).rejects.toThrow(`no history database at ${file}.`);
    expect(existsSync(file)).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)('asked for writing after a read, a read-only history is refused as a write-open refuses it', async () => {
    const dir = tempDir();
    const file = join(dir, 'coach.db');
    openStore(file).close();
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    const direct = await Promise.resolve().then(() => openStore(file, { write: true })).catch((e: unknown) => e);
    expect(direct).toBeInstanceOf(UserError);
    const edges = lazyEdges({});
    try {
      await edges.history(file);
      const err = await edges.history(file, { write: true }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as UserError).message).toBe((direct as UserError).message);
    } finally {
      edges.dispose();
    }
  });

  it('content is loaded once and shared; a given one is used as is', async () => {
    const content = { framework: {} as Content['framework'], prompts: [] };
    const edges = lazyEdges({}, { content });
    expect(await edges.content()).toBe(content);
    expect(await edges.framework()).toBe(content.framework);
    const real = lazyEdges({});
    expect(await real.content()).toBe(await real.content());
  });
});

describe('main() and the context', () => {
  it('disposes the context once when the command has finished, also after a failure', async () => {
    const { ctx, errText, exitCode } = testContext();
    const dispose = vi.spyOn(ctx, 'dispose');
    await main(['node', 'mlsd', 'review', 'last'], ctx);
    expect(errText()).toContain('error: there are no sessions yet.');
    expect(exitCode()).toBe(1);
    expect(dispose).toHaveBeenCalledTimes(1);
  });
});
