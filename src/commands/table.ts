import type { Ctx } from '../context.js';
import { LEVELS } from '../levels.js';
import { PHASE_IDS } from '../phases.js';
import { choiceOption, floatOption, intOption } from '../util/numbers.js';

/** One flag, as commander takes it: `--minutes <n>`, `--no-timer`, `-o, --output <file>`. */
export interface OptionSpec {
  flags: string;
  description: string;
  default?: unknown;
  parse?: (value: string) => unknown;
  required?: boolean;
}

/** Commander's parsed flags are untyped, as they always were; each command's options interface says what it reads. */
export type Flags = any;

export interface CommandSpec {
  name: string;
  description: string;
  /** Shown under `mlsd --help` and under the command's own help. */
  example: string;
  /** `<required>` or `[optional]`, with what it is. */
  args?: readonly [syntax: string, description: string][];
  options?: readonly OptionSpec[];
  /** Lazy-imports the command's module, so `--help` loads nothing heavy. */
  run: (args: (string | undefined)[], flags: Flags, ctx: Ctx) => Promise<void>;
  /** Commands under this one (`mlsd prompts validate`); the command itself still runs when none is named. */
  subcommands?: readonly CommandSpec[];
}

const flag = (flags: string, description: string, more: Omit<OptionSpec, 'flags' | 'description'> = {}): OptionSpec => ({
  flags,
  description,
  ...more,
});

const levelParser = choiceOption('--level', LEVELS);
const phaseParser = choiceOption('--phase', PHASE_IDS);
const minutesParser = intOption('--minutes', 1, 600);

// The options several commands share, defined once.
const json = (description = 'print JSON') => flag('--json', description);
const db = flag('--db <file>', 'use this history database instead of the default');
const all = flag('--all', 'list every missed criterion, not only the first six');
/** Every command that reads prompts takes it; src/cli.ts hands it to the context before the command runs. */
export const promptsDir = flag('--prompts-dir <dir>', 'also use the prompt files in this folder (default: $MLSD_PROMPTS_DIR)');
const level = (more: { default?: string } = {}) => flag('--level <level>', 'the level you are aiming for: mid, senior or staff', { parse: levelParser, ...more });

/** The flags of a live sitting, shared by `interview` and `practice`. */
function sittingOptions(words: { minutes: number; length: string; editor: string; answers: string }): OptionSpec[] {
  return [
    flag('--minutes <n>', words.length, { default: words.minutes, parse: minutesParser }),
    level({ default: 'senior' }),
    flag('--no-timer', 'no clock'),
    flag('--editor', words.editor),
    flag('--answers <file>', words.answers),
    json('with --answers: print the grade as JSON'),
    db,
    promptsDir,
  ];
}

const SESSION_ARG: [string, string] = ['<session>', 'a session id, or "last"'];

/** Every command, in the order `mlsd --help` lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'prompts',
    description: 'List the design prompts.',
    example: 'mlsd prompts',
    options: [json(), promptsDir],
    run: async (_args, flags, ctx) => (await import('./prompts.js')).prompts(flags, ctx),
    subcommands: [
      {
        name: 'validate',
        description: 'Check prompt files: every problem with its file and field, or a one-line summary.',
        example: 'mlsd prompts validate my-prompts',
        args: [['[dir]', 'a folder of your own prompt files; omit it to check the built-in content']],
        options: [json('print the problems as JSON')],
        run: async ([dir], flags, ctx) => (await import('./prompts.js')).validatePrompts({ dir, ...flags }, ctx),
      },
    ],
  },
  {
    name: 'show',
    description: 'Show a prompt statement.',
    example: 'mlsd show video-recommendations',
    args: [['<prompt-id>', 'the prompt to show']],
    options: [promptsDir],
    run: async ([id], _flags, ctx) => (await import('./show.js')).show({ id: id! }, ctx),
  },
  {
    name: 'rubric',
    description: 'Print the rubric of a prompt, for study.',
    example: 'mlsd rubric video-recommendations --phase serving',
    args: [['<prompt-id>', 'the prompt']],
    options: [flag('--phase <phase>', `one phase: ${PHASE_IDS.join(', ')}`, { parse: phaseParser }), level(), json(), promptsDir],
    run: async ([id], flags, ctx) => (await import('./rubric.js')).rubric({ id: id!, ...flags }, ctx),
  },
  {
    name: 'guide',
    description: 'The framework cheat sheet: what each phase should cover.',
    example: 'mlsd guide metrics',
    args: [['[phase]', `one phase: clarifying, ${PHASE_IDS.join(', ')}`]],
    run: async ([phase], _flags, ctx) => (await import('./guide.js')).guide({ phase }, ctx),
  },
  {
    name: 'ask',
    description: 'Ask the interviewer one clarifying question, answered from the prompt\'s fact sheet.',
    example: 'mlsd ask video-recommendations "How many daily active users are there?"',
    args: [['<prompt-id>', 'the prompt'], ['<question>', 'the question, in quotes']],
    options: [json(), promptsDir],
    run: async ([id, question], flags, ctx) => (await import('./ask.js')).ask({ id: id!, question: question!, ...flags }, ctx),
  },
  {
    name: 'score',
    description: 'Grade a written answer (Markdown, or - for stdin); --save keeps it in history and makes drill cards of what it missed.',
    example: 'mlsd score video-recommendations answer.md',
    args: [['<prompt-id>', 'the prompt the answer is for'], ['<answer>', 'a Markdown file, or - to read stdin']],
    options: [
      json('print the grade as JSON'),
      all,
      level(),
      flag('--save', 'keep the graded answer in history (a session of mode "score"); every criterion it missed becomes a card for `mlsd drill`'),
      flag('--db <file>', 'with --save: use this history database instead of the default'),
      promptsDir,
    ],
    run: async ([id, answer], flags, ctx) => (await import('./score.js')).score({ id: id!, answer: answer!, ...flags }, ctx),
  },
  {
    name: 'interview',
    description: 'Take a timed mock interview.',
    example: 'mlsd interview video-recommendations --minutes 45',
    args: [['[prompt-id]', 'the prompt; omit it to choose from a list']],
    options: [
      flag('--random', 'pick a prompt at random'),
      flag('--weakest', 'pick the prompt that drills your weakest phase (from history)'),
      ...sittingOptions({
        minutes: 45,
        length: 'length of the round',
        editor: 'write each phase in $EDITOR',
        answers: 'take the answers from a Markdown file instead of asking (no terminal needed)',
      }),
    ],
    run: async ([id], flags, ctx) => (await import('./interview.js')).interview({ id, ...flags }, ctx),
  },
  {
    name: 'practice',
    description: 'Drill one phase against its own clock.',
    example: 'mlsd practice ads-click-prediction --phase metrics --minutes 10',
    args: [['<prompt-id>', 'the prompt']],
    options: [
      flag('--phase <phase>', `the phase: ${PHASE_IDS.join(', ')}`, { parse: phaseParser, required: true }),
      ...sittingOptions({
        minutes: 10,
        length: 'length of the drill',
        editor: 'write the answer in $EDITOR',
        answers: 'take the answer from a file instead of asking',
      }),
    ],
    run: async ([id], flags, ctx) => (await import('./practice.js')).practice({ id, ...flags }, ctx),
  },
  {
    name: 'drill',
    description: 'Spaced practice: answer the cards due today, one question per criterion you missed before.',
    example: 'mlsd drill --limit 3',
    options: [
      flag('--limit <n>', 'cards to ask at most', { default: 5, parse: intOption('--limit', 1, 100) }),
      flag('--prompt <id>', 'only cards of this prompt'),
      flag('--phase <phase>', `only cards of one phase: ${PHASE_IDS.join(', ')}`, { parse: phaseParser }),
      flag('--status', 'what is due today and this week, cards learning and learned, recall over 30 days, and the next two weeks'),
      flag('--answers <file>', 'take the answers from a Markdown file, one per card under `## <criterion id>` (no terminal needed)'),
      json('with --status or --answers: print JSON'),
      db,
      promptsDir,
    ],
    run: async (_args, flags, ctx) => (await import('./drill.js')).drill(flags, ctx),
  },
  {
    name: 'resume',
    description: 'Continue an interrupted session.',
    example: 'mlsd resume',
    args: [['[session-id]', 'the session; omit it for the latest one in progress']],
    options: [flag('--editor', 'write each phase in $EDITOR'), db, promptsDir],
    run: async ([id], flags, ctx) => (await import('./resume.js')).resume({ id, ...flags }, ctx),
  },
  {
    name: 'abandon',
    description: 'Close a session you will not finish (its answers are kept).',
    example: 'mlsd abandon 7',
    args: [SESSION_ARG],
    options: [db],
    run: async ([id], flags, ctx) => (await import('./abandon.js')).abandon({ id: id!, ...flags }, ctx),
  },
  {
    name: 'history',
    description: 'Your sessions, trends and weakest phase.',
    example: 'mlsd history --prompt video-recommendations',
    options: [json(), flag('--prompt <id>', 'only sessions of this prompt'), db, promptsDir],
    run: async (_args, flags, ctx) => (await import('./history.js')).history(flags, ctx),
  },
  {
    name: 'review',
    description: 'The full feedback of a session, with your answers.',
    example: 'mlsd review last',
    args: [SESSION_ARG],
    options: [json(), all, db, promptsDir],
    run: async ([id], flags, ctx) => (await import('./review.js')).review({ id: id!, ...flags }, ctx),
  },
  {
    name: 'export',
    description: 'Write a session report to keep or share.',
    example: 'mlsd export last -o report.md',
    args: [SESSION_ARG],
    options: [
      flag('--format <format>', 'md or json', { default: 'md', parse: choiceOption('--format', ['md', 'json'] as const) }),
      flag('-o, --output <file>', 'write to this file instead of stdout'),
      flag('--force', 'replace the -o file if it exists (never a history database)'),
      db,
      promptsDir,
    ],
    run: async ([id], flags, ctx) => (await import('./export.js')).exportSession({ id: id!, ...flags }, ctx),
  },
  {
    name: 'pipeline',
    description: 'Run the local recommender funnel over a synthetic catalogue.',
    example: 'mlsd pipeline --candidates 2000',
    options: [
      json(),
      flag('--items <n>', 'videos in the catalogue', { default: 1_000_000, parse: intOption('--items', 1000, 5_000_000) }),
      flag('--users <n>', 'users', { default: 100_000, parse: intOption('--users', 100, 2_000_000) }),
      flag('--requests <n>', 'timed requests', { default: 1000, parse: intOption('--requests', 1, 100_000) }),
      flag('--seed <n>', 'random seed', { default: 42, parse: intOption('--seed', 0, 2 ** 31 - 1) }),
      flag('--candidates <n>', 'candidates sent to ranking', { default: 500, parse: intOption('--candidates', 1) }),
      flag('--ranked <n>', 'items kept by ranking', { default: 50, parse: intOption('--ranked', 1) }),
      flag('--feed <n>', 'items in the feed', { default: 10, parse: intOption('--feed', 1) }),
      flag('--diversity <lambda>', 'MMR trade-off: 1 = relevance only, 0 = diversity only', { default: 0.8, parse: floatOption('--diversity', 0, 1) }),
      flag('--budget <ms>', 'latency budget in ms', { default: 100, parse: floatOption('--budget', 1, 100_000) }),
      flag('--no-cache', 'rebuild the world even if a cached one exists'),
      flag('--explain [user-id]', 'trace one request end to end'),
    ],
    run: async (_args, flags, ctx) => (await import('./pipeline.js')).pipeline(flags, ctx),
  },
];
