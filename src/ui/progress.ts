import type { Progress, ProgressStep } from '../pipeline/io/build.js';

const silent: Progress = { step: () => ({ advance() {}, finish() {} }), note() {}, stop() {} };

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  return `${Math.floor(seconds / 60)} min ${String(Math.round(seconds % 60)).padStart(2, '0')} s`;
}

/** One bar line: label, bar, counts, and the time left from the pace so far (once there is a pace). */
export function barLine(label: string, done: number, total: number, unit: string, elapsedSeconds: number, width: number): string {
  if (total <= 1) return ` ${label}…`;
  const share = Math.min(1, done / total);
  const left = done > 0 && done < total && elapsedSeconds > 0.5 ? `, about ${duration((elapsedSeconds / done) * (total - done))} left` : '';
  const counts = ` ${fmt(done)}/${fmt(total)} ${unit}${left}`;
  const cells = Math.max(5, Math.min(30, width - label.length - counts.length - 6));
  const full = Math.round(share * cells);
  const line = ` ${label} [${'#'.repeat(full)}${'-'.repeat(cells - full)}]${counts}`;
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}

/**
 * Progress on stderr: on a terminal, each build step as a bar with counts and the time left, redrawn at most
 * ten times a second, then replaced by its one-line summary. Elsewhere only the notes (the first-run notice),
 * and nothing at all for --json.
 */
/** Where progress goes: the error stream, and its width when it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  columns?: number;
}

export function terminalProgress(
  show: { bars: boolean; notes: boolean },
  stream: ProgressStream,
  now: () => number = () => performance.now(),
): Progress {
  if (!show.bars) return show.notes ? { ...silent, note: (text) => void stream.write(`${text}\n`) } : silent;
  let drawn = false;
  const clear = () => {
    if (drawn) stream.write('\r\u001b[2K');
    drawn = false;
  };
  return {
    note(text) {
      clear();
      stream.write(`${text}\n`);
    },
    step(label, total, unit): ProgressStep {
      const started = now();
      let lastDraw = -Infinity;
      const draw = (done: number) => {
        const t = now();
        if (t - lastDraw < 100 && done < total) return;
        lastDraw = t;
        stream.write(`\r\u001b[2K${barLine(label, done, total, unit, (t - started) / 1000, stream.columns ?? 80)}`);
        drawn = true;
      };
      draw(0);
      return {
        advance: draw,
        finish(summary) {
          clear();
          stream.write(` ✓ ${summary}\n`);
        },
      };
    },
    stop: clear,
  };
}
