import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processContext, type Ctx } from './context.js';
import { EXIT, InterruptedError, UserError } from './errors.js';
import { COMMANDS, type CommandSpec, type OptionSpec } from './commands/table.js';
import { packageRoot } from './paths.js';
import { safeText } from './ui/safe-text.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** Builds the command tree from the table; each action lazy-imports its module so `--help` loads nothing heavy. */
export function buildProgram(ctx: Ctx): Command {
  const program = new Command('mlsd')
    .description('Practise the machine-learning system design interview: mock rounds, graded feedback, progress, and a runnable recommender.')
    .version(version(), '-v, --version')
    .showSuggestionAfterError(true)
    // Commander's messages quote the arguments (`unknown option '…'`): show their control characters, inert.
    .configureOutput({ writeOut: ctx.out, writeErr: ctx.err, outputError: (message, write) => write(safeText(message)) })
    .exitOverride()
    .addHelpText('after', `\nExamples:\n${COMMANDS.map((c) => `  $ ${c.example}`).join('\n')}`);

  for (const spec of COMMANDS) addCommand(program, spec, ctx);

  // A usage error names what is wrong; the second line says where the right usage is.
  program.showHelpAfterError('(`mlsd --help` lists the commands)');
  const helpAfterError = (command: Command, path: string): void => {
    for (const sub of command.commands) {
      sub.showHelpAfterError(`(\`mlsd ${path}${sub.name()} --help\` shows its arguments and an example)`);
      helpAfterError(sub, `${path}${sub.name()} `);
    }
  };
  helpAfterError(program, '');
  return program;
}

function addCommand(parent: Command, spec: CommandSpec, ctx: Ctx): void {
  const command = parent.command(spec.name).addHelpText('after', `\nExample:\n  $ ${spec.example}`).description(spec.description);
  for (const [syntax, description] of spec.args ?? []) command.argument(syntax, description);
  for (const o of spec.options ?? []) command.addOption(toOption(o));
  const arity = spec.args?.length ?? 0;
  command.action(async (...params: unknown[]) => {
    // Commander gives a flag the parent also defines (`mlsd prompts validate --json`) to the parent.
    const flags = { ...(parent.parent ? parent.opts() : {}), ...(params[arity] as object) } as { promptsDir?: string };
    if (flags.promptsDir !== undefined) ctx.usePromptsDir(flags.promptsDir);
    return spec.run(params.slice(0, arity) as (string | undefined)[], flags, ctx);
  });
  for (const sub of spec.subcommands ?? []) addCommand(command, sub, ctx);
}

function toOption(spec: OptionSpec): Option {
  const option = new Option(spec.flags, spec.description);
  if (spec.default !== undefined) option.default(spec.default);
  if (spec.parse) option.argParser(spec.parse);
  if (spec.required) option.makeOptionMandatory();
  return option;
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
  } finally {
    ctx.dispose();
  }
}
