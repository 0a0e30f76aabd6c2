// Loaded with `node --import`: prints every bare package a process resolves, one per line on stderr.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (!specifier.startsWith('.') && !specifier.startsWith('/') && !specifier.startsWith('node:') && !specifier.startsWith('file:') && !specifier.startsWith('data:')) {
    process.stderr.write('import: ' + specifier + '\\n');
  }
  return next(specifier, context);
}`),
);
