import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Env = Record<string, string | undefined>;

/** Where user data lives: $MLSD_HOME, else $XDG_DATA_HOME/mlsd-coach, else ~/.local/share/mlsd-coach. */
export function dataDir(env: Env = process.env): string {
  if (env.MLSD_HOME) return resolve(env.MLSD_HOME);
  if (env.XDG_DATA_HOME) return join(resolve(env.XDG_DATA_HOME), 'mlsd-coach');
  return join(homedir(), '.local', 'share', 'mlsd-coach');
}

/** Where caches live: $MLSD_HOME/cache, else $XDG_CACHE_HOME/mlsd-coach, else ~/.cache/mlsd-coach. */
export function cacheDir(env: Env = process.env): string {
  if (env.MLSD_HOME) return join(resolve(env.MLSD_HOME), 'cache');
  if (env.XDG_CACHE_HOME) return join(resolve(env.XDG_CACHE_HOME), 'mlsd-coach');
  return join(homedir(), '.cache', 'mlsd-coach');
}

/** The history database: --db when given, else coach.db in the data folder. */
export function dbPath(override: string | undefined, env: Env = process.env): string {
  return override ? resolve(override) : join(dataDir(env), 'coach.db');
}

/** The package root (where prompts/ and data/ ship), found from this file in src/ or dist/. */
export function packageRoot(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..');
}

export function promptsDir(): string {
  return join(packageRoot(), 'prompts');
}

export function contentDataDir(): string {
  return join(packageRoot(), 'data');
}
