import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { lazyEdges, type Ctx, type GivenEdges } from '../../src/context.js';

export type TestContextOptions = Partial<Pick<Ctx, 'now' | 'env' | 'interactive' | 'color' | 'width' | 'stdinIsTTY' | 'stderrIsTTY'>> &
  Partial<GivenEdges> & {
    /** What `-` reads from stdin. */
    stdin?: string;
  };

export interface TestContext {
  ctx: Ctx;
  /** Everything written to stdout so far. */
  text: () => string;
  /** Everything written to stderr so far. */
  errText: () => string;
  exitCode: () => number | undefined;
}

/**
 * The one context a command test passes: output captured, a fixed clock, no terminal, no colour, 80 columns, and
 * (unless `env` is given) its own empty MLSD_HOME. Content, grader, asker and vocabulary are the real ones unless
 * given. The history it opens is closed, and the home removed, when the test ends; call it inside a test.
 */
export function testContext(options: TestContextOptions = {}): TestContext {
  const { stdin = '', content, vocabulary, grader, asker, ...edges } = options;
  const out: string[] = [];
  const err: string[] = [];
  let exitCode: number | undefined;
  const home = options.env ? undefined : mkdtempSync(join(tmpdir(), 'mlsd-test-'));
  const env = options.env ?? { MLSD_HOME: home };
  const ctx: Ctx = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    now: () => Date.UTC(2026, 10, 26, 12),
    interactive: false,
    stdinIsTTY: false,
    stderrIsTTY: false,
    color: false,
    width: 80,
    readStdin: async () => Buffer.from(stdin),
    setExitCode: (code) => {
      exitCode = code;
    },
    ...edges,
    env,
    ...lazyEdges(env, { content, vocabulary, grader, asker }, (t) => void err.push(t)),
  };
  onTestFinished(() => {
    ctx.dispose();
    if (home) rmSync(home, { recursive: true, force: true });
  });
  return { ctx, text: () => out.join(''), errText: () => err.join(''), exitCode: () => exitCode };
}
