import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlIssues } from '../../src/content/packs.js';
import { parseYamlData, readContentFile } from '../../src/content/source.js';

describe('parseYamlData: a content file is plain data', () => {
  it('reads the core schema: strings, numbers, booleans, null, lists and maps', () => {
    expect(parseYamlData('a: 1\nb: [x, true, null]\nc: {d: 2.5}\n')).toEqual({ ok: true, data: { a: 1, b: ['x', true, null], c: { d: 2.5 } } });
  });

  it.each([
    ['a JavaScript function tag', 'a: !!js/function "function () { return 1 }"', 'line 1, column 4', 'Unresolved tag: tag:yaml.org,2002:js/function'],
    ['a custom local tag', 'a: !run x', 'line 1, column 4', 'Unresolved tag: !run'],
    ['a YAML 1.1 binary', 'a: !!binary aGk=', 'line 1, column 4', 'Unresolved tag: tag:yaml.org,2002:binary'],
    ['a YAML 1.1 set', 'a: !!set {x}', 'line 1, column 4', 'Unresolved tag: tag:yaml.org,2002:set'],
    ['a duplicate key', 'a: 1\na: 2', 'line 2, column 1', 'Map keys must be unique'],
  ])('refuses %s, naming the line', (_what, source, path, message) => {
    expect(parseYamlData(source)).toEqual({ ok: false, issues: [{ path, message }] });
  });

  it('keeps a merge key as an ordinary key (which the strict schema then refuses), merging nothing', () => {
    expect(parseYamlData('base: &b {x: 1}\nc:\n  <<: *b\n')).toEqual({ ok: true, data: { base: { x: 1 }, c: { '<<': { x: 1 } } } });
  });

  it('stops an alias bomb instead of expanding it', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    const result = parseYamlData(levels.join('\n'));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toMatch(/alias/i);
  });

  it('a __proto__ key stays data and pollutes nothing', () => {
    const result = parseYamlData('__proto__: {polluted: yes}\n');
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf((result as { data: object }).data)).toBe(Object.prototype);
  });
});

describe('controlIssues', () => {
  it('names the dotted path of every string and key that holds a control character', () => {
    const data = { title: 'ok', rubric: { criteria: [{ why: 'a\u001b[2J' }, { strong: 'b\u009b' }] }, ['k\u202e']: 'v', text: 'line\r\nline\ttab' };
    expect(controlIssues(data)).toEqual([
      { path: 'rubric.criteria.0.why', message: 'contains the control character U+001B, which a terminal would act on; remove it' },
      { path: 'rubric.criteria.1.strong', message: 'contains the control character U+009B, which a terminal would act on; remove it' },
      { path: 'k\u202e', message: 'its name contains the control character U+202E, which a terminal would act on; remove it' },
    ]);
  });
});

describe('readContentFile', () => {
  it.each([
    ['a named pipe, whose read would never end', (file: string) => execFileSync('mkfifo', [file])],
    ['a link to a device', (file: string) => symlinkSync('/dev/zero', file)],
  ])('refuses %s unread', (_what, make) => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-test-'));
    try {
      const file = join(dir, 'p.yaml');
      make(file);
      expect(readContentFile(file, 1000)).toEqual({ ok: false, issues: [{ path: '(file)', message: 'is not a regular file' }] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 10_000);
});
