import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { main } from '../../src/cli.js';
import { colorEnabled, lazyEdges, type Ctx, type GivenEdges } from '../../src/context.js';
import { shippedContent, shippedGrader, shippedVocabulary } from './shipped.js';
import { tempHome } from './temp.js';

export type TestContextOptions = Partial<Pick<Ctx, 'now' | 'env' | 'interactive' | 'color' | 'width' | 'stdinIsTTY' | 'stderrIsTTY'>> &
  Partial<GivenEdges> & {
    /** What `-` reads from stdin. */
    stdin?: string | Buffer;
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
 * given; the shipped content, vocabulary and grader are the worker's shared ones (test/helpers/shipped.ts), and
 * content is loaded afresh only when a pack folder is named. The history it opens is closed, and the home
 * removed, when the test ends; call it inside a test.
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
  if (!content) shareShippedContent(ctx, env);
  if (!vocabulary) ctx.vocabulary = async () => shippedVocabulary();
  if (!grader && !vocabulary) ctx.grader = shippedGrader;
  onTestFinished(() => {
    ctx.dispose();
    if (home) rmSync(home, { recursive: true, force: true });
  });
  return { ctx, text: () => out.join(''), errText: () => err.join(''), exitCode: () => exitCode };
}

/** The shipped content until a pack folder is named (`--prompts-dir` or $MLSD_PROMPTS_DIR); then the context's own load. */
function shareShippedContent(ctx: Ctx, env: Record<string, string | undefined>): void {
  const { content, framework, usePromptsDir } = ctx;
  let packs = Boolean(env.MLSD_PROMPTS_DIR);
  ctx.usePromptsDir = (dir) => {
    packs = true;
    usePromptsDir(dir);
  };
  ctx.content = async () => (packs ? content() : shippedContent());
  ctx.framework = async () => (packs ? framework() : shippedContent().framework);
}

export interface MainRun {
  args: string[];
  /** The environment, over NO_COLOR=1; colour follows it as in a process with piped output. Without MLSD_HOME the run gets an empty home, removed after the test. */
  env?: Record<string, string>;
  /** The history database: `--db <db>` is added after the arguments. */
  db?: string;
  /** What stdin holds for `-`. */
  input?: string | Buffer;
  /** The clock, when the test's data was made against another than testContext's fixed one. */
  now?: () => number;
}

export interface MainResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `mlsd <args>` in-process through `main(argv, ctx)`, as the built CLI runs with piped stdin and stdout: same
 * output, same exit code, without starting a process. For what the process boundary does (signals, a terminal,
 * the start-up imports, stdout errors) use `runCli` in test/e2e.
 */
export async function runMain(run: MainRun): Promise<MainResult> {
  const env = { NO_COLOR: '1', ...(run.env?.MLSD_HOME === undefined ? tempHome().env : {}), ...run.env };
  const { ctx, text, errText, exitCode } = testContext({ env, color: colorEnabled(env, false), stdin: run.input ?? '', ...(run.now ? { now: run.now } : {}) });
  await main(['node', 'mlsd', ...run.args, ...(run.db === undefined ? [] : ['--db', run.db])], ctx);
  return { status: exitCode() ?? 0, stdout: text(), stderr: errText() };
}
