import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PHASES } from '../../../src/phases.js';
import { gradeAgainst } from '../../helpers/grading.js';
import { shippedContent } from '../../helpers/shipped.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'paraphrases');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')) : [];

interface Lines {
  says?: string[];
  doesNotSay?: string[];
}

for (const file of files) {
  const promptId = file.replace(/\.yaml$/, '');
  const entries = parse(readFileSync(join(dir, file), 'utf8')) as Record<string, Lines>;
  const prompt = shippedContent().prompts.find((p) => p.id === promptId);
  const grade = gradeAgainst(promptId);

  describe(`paraphrases of ${promptId}`, () => {
    it('names only criteria the prompt has', () => {
      expect(prompt, `${file}: no prompt ${promptId}`).toBeDefined();
      const ids = new Set(prompt!.rubric.criteria.map((c) => c.id));
      expect(Object.keys(entries).filter((id) => !ids.has(id))).toEqual([]);
    });

    for (const [id, lines] of Object.entries(entries)) {
      const criterion = prompt?.rubric.criteria.find((c) => c.id === id);
      if (!criterion) continue;
      const heading = PHASES.find((p) => p.id === criterion.phase)!.title;
      const credit = async (line: string) => {
        const result = (await grade(`## ${heading}\n\n${line}\n`)).criteria.find((c) => c.id === id)!;
        return result.met ? (result.credit ?? 1) : 0;
      };
      for (const line of lines.says ?? []) {
        it(`${id} is earned by: ${line}`, async () => expect(await credit(line)).toBe(1));
      }
      for (const line of lines.doesNotSay ?? []) {
        it(`${id} is not earned by: ${line}`, async () => expect(await credit(line)).toBe(0));
      }
    }
  });
}
