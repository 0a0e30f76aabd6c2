import type { z } from 'zod';
import { PHASE_IDS } from '../phases.js';
import {
  frameworkSchema,
  promptSchema,
  type Criterion,
  type Framework,
  type Prompt,
} from './schema.js';

/** One problem in a content file: the dotted field path (e.g. `rubric.criteria.3.weight`) and what is wrong. */
export interface ContentIssue {
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ContentIssue[] };

function fromZod(error: z.ZodError): ContentIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

function duplicateIds(criteria: readonly Criterion[], prefix: string): ContentIssue[] {
  const seen = new Map<string, number>();
  const issues: ContentIssue[] = [];
  criteria.forEach((c, i) => {
    const first = seen.get(c.id);
    if (first !== undefined) {
      issues.push({ path: `${prefix}.${i}.id`, message: `duplicate criterion id "${c.id}" (also at ${prefix}.${first})` });
    } else {
      seen.set(c.id, i);
    }
    if (c.need !== undefined && c.need > c.concepts.length) {
      issues.push({ path: `${prefix}.${i}.need`, message: `need is ${c.need} but there are only ${c.concepts.length} concept groups` });
    }
  });
  return issues;
}

/** Checks a parsed framework file; collects every problem rather than stopping at the first. */
export function validateFramework(data: unknown): Validated<Framework> {
  const parsed = frameworkSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: fromZod(parsed.error) };
  const issues = duplicateIds(parsed.data.criteria, 'criteria');
  return issues.length ? { ok: false, issues } : { ok: true, value: parsed.data };
}

/**
 * Checks a parsed prompt file against the schema and against itself: its id matches the file name, ids are
 * unique (also against the framework), probes point at real criteria, every phase has criteria, the time
 * budget sums to 100.
 */
export function validatePrompt(
  data: unknown,
  options: { expectedId?: string; framework?: Framework } = {},
): Validated<Prompt> {
  const parsed = promptSchema.safeParse(data);
  if (!parsed.success) return { ok: false, issues: fromZod(parsed.error) };
  const prompt = parsed.data;
  const issues: ContentIssue[] = [];
  if (options.expectedId && prompt.id !== options.expectedId) {
    issues.push({ path: 'id', message: `id "${prompt.id}" must equal the file name "${options.expectedId}"` });
  }
  issues.push(...duplicateIds(prompt.rubric.criteria, 'rubric.criteria'));
  const frameworkIds = new Set(options.framework?.criteria.map((c) => c.id) ?? []);
  prompt.rubric.criteria.forEach((c, i) => {
    if (frameworkIds.has(c.id)) {
      issues.push({ path: `rubric.criteria.${i}.id`, message: `"${c.id}" is already a framework criterion; pick another id` });
    }
  });
  prompt.skipFramework.forEach((id, i) => {
    if (options.framework && !frameworkIds.has(id)) {
      issues.push({ path: `skipFramework.${i}`, message: `no framework criterion "${id}"` });
    }
  });
  const known = new Set([...frameworkIds, ...prompt.rubric.criteria.map((c) => c.id)]);
  prompt.probes.forEach((p, i) => {
    // Without the framework a probe may well point at one of its criteria.
    if (options.framework && !known.has(p.criterion)) {
      issues.push({ path: `probes.${i}.criterion`, message: `no criterion "${p.criterion}" in this prompt or the framework` });
    }
  });
  for (const phase of PHASE_IDS) {
    if (!prompt.rubric.criteria.some((c) => c.phase === phase)) {
      issues.push({ path: 'rubric.criteria', message: `no criterion for phase "${phase}"` });
    }
  }
  const factIds = new Set<string>();
  prompt.facts.forEach((f, i) => {
    if (factIds.has(f.id)) issues.push({ path: `facts.${i}.id`, message: `duplicate fact id "${f.id}"` });
    factIds.add(f.id);
  });
  if (prompt.timeBudget) {
    const sum = Object.values(prompt.timeBudget).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) > 0.01) {
      issues.push({ path: 'timeBudget', message: `shares must sum to 100 (they sum to ${sum})` });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: prompt };
}
