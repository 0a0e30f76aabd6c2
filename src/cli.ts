import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processContext, type Ctx } from './context.js';
import { EXIT, InterruptedError, UserError } from './errors.js';
import { PHASE_IDS } from './phases.js';
import { packageRoot } from './paths.js';
import { LEVELS } from './levels.js';
import { safeText } from './ui/safe-text.js';
import { choiceOption, floatOption, intOption } from './util/numbers.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const levelOption = () =>
  new Option('--level <level>', 'the level you are aiming for: mid, senior or staff').argParser(
    choiceOption('--level', LEVELS),
  );
const phaseParser = choiceOption('--phase', PHASE_IDS);
const dbOption = () => new Option('--db <file>', 'use this history database instead of the default');

/** One example per command: shown under `mlsd --help` and under each command's own help. */
const EXAMPLES = {
  prompts: 'mlsd prompts',
  show: 'mlsd show video-recommendations',
  rubric: 'mlsd rubric video-recommendations --phase serving',
  guide: 'mlsd guide metrics',
  ask: 'mlsd ask video-recommendations "How many daily active users are there?"',
  score: 'mlsd score video-recommendations answer.md',
  interview: 'mlsd interview video-recommendations --minutes 45',
  practice: 'mlsd practice ads-click-prediction --phase metrics --minutes 10',
  resume: 'mlsd resume',
  abandon: 'mlsd abandon 7',
  history: 'mlsd history --prompt video-recommendations',
  review: 'mlsd review last',
  export: 'mlsd export last -o report.md',
  pipeline: 'mlsd pipeline --candidates 2000',
} as const;

/** Builds the command tree; each action lazy-imports its module so `--help` loads nothing heavy. */
export function buildProgram(ctx: Ctx): Command {
  const program = new Command('mlsd')
    .description('Practise the machine-learning system design interview: mock rounds, graded feedback, progress, and a runnable recommender.')
    .version(version(), '-v, --version')
    .showSuggestionAfterError(true)
    // Commander's messages quote the arguments (`unknown option '…'`): show their control characters, inert.
    .configureOutput({ writeOut: ctx.out, writeErr: ctx.err, outputError: (message, write) => write(safeText(message)) })
    .exitOverride()
    .addHelpText('after', `\nExamples:\n${Object.values(EXAMPLES).map((e) => `  $ ${e}`).join('\n')}`);

  program
    .command('prompts')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.prompts}`)
    .description('List the design prompts.')
    .option('--json', 'print JSON')
    .action(async (opts) => (await import('./commands/prompts.js')).prompts(opts, ctx));

  program
    .command('show')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.show}`)
    .description('Show a prompt statement.')
    .argument('<prompt-id>', 'the prompt to show')
    .action(async (id: string) => (await import('./commands/show.js')).show({ id }, ctx));

  program
    .command('rubric')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.rubric}`)
    .description('Print the rubric of a prompt, for study.')
    .argument('<prompt-id>', 'the prompt')
    .addOption(new Option('--phase <phase>', `one phase: ${PHASE_IDS.join(', ')}`).argParser(phaseParser))
    .addOption(levelOption())
    .option('--json', 'print JSON')
    .action(async (id: string, opts) => (await import('./commands/rubric.js')).rubric({ id, ...opts }, ctx));

  program
    .command('guide')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.guide}`)
    .description('The framework cheat sheet: what each phase should cover.')
    .argument('[phase]', `one phase: clarifying, ${PHASE_IDS.join(', ')}`)
    .action(async (phase: string | undefined) => (await import('./commands/guide.js')).guide({ phase }, ctx));

  program
    .command('ask')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.ask}`)
    .description('Ask the interviewer one clarifying question, answered from the prompt\'s fact sheet.')
    .argument('<prompt-id>', 'the prompt')
    .argument('<question>', 'the question, in quotes')
    .option('--json', 'print JSON')
    .action(async (id: string, question: string, opts) => (await import('./commands/ask.js')).ask({ id, question, ...opts }, ctx));

  program
    .command('score')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.score}`)
    .description('Grade a written answer (Markdown, or - for stdin).')
    .argument('<prompt-id>', 'the prompt the answer is for')
    .argument('<answer>', 'a Markdown file, or - to read stdin')
    .option('--json', 'print the grade as JSON')
    .option('--all', 'list every missed criterion, not only the first six')
    .addOption(levelOption())
    .action(async (id: string, answer: string, opts) =>
      (await import('./commands/score.js')).score({ id, answer, ...opts }, ctx),
    );

  program
    .command('interview')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.interview}`)
    .description('Take a timed mock interview.')
    .argument('[prompt-id]', 'the prompt; omit it to choose from a list')
    .option('--random', 'pick a prompt at random')
    .option('--weakest', 'pick the prompt that drills your weakest phase (from history)')
    .addOption(new Option('--minutes <n>', 'length of the round').default(45).argParser(intOption('--minutes', 1, 600)))
    .addOption(levelOption().default('senior'))
    .option('--no-timer', 'no clock')
    .option('--editor', 'write each phase in $EDITOR')
    .option('--answers <file>', 'take the answers from a Markdown file instead of asking (no terminal needed)')
    .option('--json', 'with --answers: print the grade as JSON')
    .addOption(dbOption())
    .action(async (id: string | undefined, opts) =>
      (await import('./commands/interview.js')).interview({ id, ...opts }, ctx),
    );

  program
    .command('practice')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.practice}`)
    .description('Drill one phase against its own clock.')
    .argument('<prompt-id>', 'the prompt')
    .addOption(new Option('--phase <phase>', `the phase: ${PHASE_IDS.join(', ')}`).argParser(phaseParser).makeOptionMandatory())
    .addOption(new Option('--minutes <n>', 'length of the drill').default(10).argParser(intOption('--minutes', 1, 600)))
    .addOption(levelOption().default('senior'))
    .option('--no-timer', 'no clock')
    .option('--editor', 'write the answer in $EDITOR')
    .option('--answers <file>', 'take the answer from a file instead of asking')
    .option('--json', 'with --answers: print the grade as JSON')
    .addOption(dbOption())
    .action(async (id: string, opts) => (await import('./commands/practice.js')).practice({ id, ...opts }, ctx));

  program
    .command('resume')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.resume}`)
    .description('Continue an interrupted session.')
    .argument('[session-id]', 'the session; omit it for the latest one in progress')
    .option('--editor', 'write each phase in $EDITOR')
    .addOption(dbOption())
    .action(async (id: string | undefined, opts) => (await import('./commands/resume.js')).resume({ id, ...opts }, ctx));

  program
    .command('abandon')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.abandon}`)
    .description('Close a session you will not finish (its answers are kept).')
    .argument('<session>', 'a session id, or "last"')
    .addOption(dbOption())
    .action(async (id: string, opts) => (await import('./commands/abandon.js')).abandon({ id, ...opts }, ctx));

  program
    .command('history')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.history}`)
    .description('Your sessions, trends and weakest phase.')
    .option('--json', 'print JSON')
    .option('--prompt <id>', 'only sessions of this prompt')
    .addOption(dbOption())
    .action(async (opts) => (await import('./commands/history.js')).history(opts, ctx));

  program
    .command('review')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.review}`)
    .description('The full feedback of a session, with your answers.')
    .argument('<session>', 'a session id, or "last"')
    .option('--json', 'print JSON')
    .option('--all', 'list every missed criterion, not only the first six')
    .addOption(dbOption())
    .action(async (id: string, opts) => (await import('./commands/review.js')).review({ id, ...opts }, ctx));

  program
    .command('export')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.export}`)
    .description('Write a session report to keep or share.')
    .argument('<session>', 'a session id, or "last"')
    .addOption(new Option('--format <format>', 'md or json').default('md').argParser(choiceOption('--format', ['md', 'json'] as const)))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--force', 'replace the -o file if it exists (never a history database)')
    .addOption(dbOption())
    .action(async (id: string, opts) => (await import('./commands/export.js')).exportSession({ id, ...opts }, ctx));

  program
    .command('pipeline')
    .addHelpText('after', `\nExample:\n  $ ${EXAMPLES.pipeline}`)
    .description('Run the local recommender funnel over a synthetic catalogue.')
    .option('--json', 'print JSON')
    .addOption(new Option('--items <n>', 'videos in the catalogue').default(1_000_000).argParser(intOption('--items', 1000, 5_000_000)))
    .addOption(new Option('--users <n>', 'users').default(100_000).argParser(intOption('--users', 100, 2_000_000)))
    .addOption(new Option('--requests <n>', 'timed requests').default(1000).argParser(intOption('--requests', 1, 100_000)))
    .addOption(new Option('--seed <n>', 'random seed').default(42).argParser(intOption('--seed', 0, 2 ** 31 - 1)))
    .addOption(new Option('--candidates <n>', 'candidates sent to ranking').default(500).argParser(intOption('--candidates', 1)))
    .addOption(new Option('--ranked <n>', 'items kept by ranking').default(50).argParser(intOption('--ranked', 1)))
    .addOption(new Option('--feed <n>', 'items in the feed').default(10).argParser(intOption('--feed', 1)))
    .addOption(new Option('--diversity <lambda>', 'MMR trade-off: 1 = relevance only, 0 = diversity only').default(0.8).argParser(floatOption('--diversity', 0, 1)))
    .addOption(new Option('--budget <ms>', 'latency budget in ms').default(100).argParser(floatOption('--budget', 1, 100_000)))
    .option('--no-cache', 'rebuild the world even if a cached one exists')
    .option('--explain [user-id]', 'trace one request end to end')
    .option('--sweep <knob=values>', 'one run per value: candidates, ef, diversity or noise, e.g. candidates=200,500,1000')
    .action(async (opts) => (await import('./commands/pipeline.js')).pipeline(opts, ctx));

  // A usage error names what is wrong; the second line says where the right usage is.
  program.showHelpAfterError('(`mlsd --help` lists the commands)');
  for (const command of program.commands) {
    command.showHelpAfterError(`(\`mlsd ${command.name()} --help\` shows its arguments and an example)`);
  }
  return program;
}

/** Messages echo ids, paths and arguments as typed: made inert before our own colour is added. */
function printError(ctx: Ctx, message: string, hint?: string): void {
  const red = ctx.color ? (s: string) => `\u001b[31m${s}\u001b[39m` : (s: string) => s;
  const dim = ctx.color ? (s: string) => `\u001b[2m${s}\u001b[22m` : (s: string) => s;
  ctx.err(`${red(`error: ${safeText(message)}`)}\n`);
  if (hint) ctx.err(`${dim(safeText(hint))}\n`);
}

/** Runs the CLI; the only place that decides exit codes. */
export async function main(argv: string[], ctx: Ctx = processContext()): Promise<void> {
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      const fine = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
      ctx.setExitCode(fine ? EXIT.ok : EXIT.usage);
      return;
    }
    if (err instanceof UserError) {
      printError(ctx, err.message, err.hint);
      ctx.setExitCode(err.code);
      return;
    }
    if (err instanceof InterruptedError) {
      ctx.setExitCode(err.code);
      // After a hangup nobody reads the terminal, and writing to it can fail.
      if (err.signal !== 'SIGHUP') ctx.err(`\n${err.message}\n`);
      return;
    }
    ctx.err(`${safeText((err as Error)?.stack ?? String(err))}\n`);
    printError(ctx, 'unexpected failure (a bug in mlsd-coach).', 'Please report it with the command you ran and the output above.');
    ctx.setExitCode(EXIT.failure);
  }
}
