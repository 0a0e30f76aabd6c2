import type { Progress } from '../pipeline/build.js';

/** An ora spinner on stderr when stderr is a terminal; silent otherwise so pipes and --json stay clean. */
export async function terminalProgress(enabled: boolean): Promise<Progress> {
  const { silentProgress } = await import('../pipeline/build.js');
  if (!enabled) return silentProgress;
  const { default: ora } = await import('ora');
  const spinner = ora({ stream: process.stderr });
  return {
    start: (text) => void spinner.start(text),
    update: (text) => void (spinner.text = text),
    succeed: (text) => void spinner.succeed(text),
    stop: () => void spinner.stop(),
  };
}
