/**
 * The six interview phases, in order, with the names a person may type for each (`mlsd guide evaluation`). The
 * headings that map an answer's section to a phase are a larger list in data/language.yaml, which the grader reads;
 * a test checks that every name here is one of them. (This module stays free of data: `mlsd --help` loads it.)
 */
export const PHASE_IDS = ['requirements', 'metrics', 'data', 'models', 'serving', 'monitoring'] as const;

export type PhaseId = (typeof PHASE_IDS)[number];

export interface PhaseInfo {
  id: PhaseId;
  title: string;
  /** Lower-case names of the phase, as `mlsd guide` accepts them. */
  headings: readonly string[];
}

export const PHASES: readonly PhaseInfo[] = [
  {
    id: 'requirements',
    title: 'Requirements',
    headings: [
      'requirements', 'requirement', 'clarifying questions', 'clarifications', 'clarification', 'problem framing',
      'problem statement', 'framing', 'scope', 'scoping', 'business objective', 'business goal', 'goals',
      'objective', 'assumptions', 'constraints', 'problem formulation', 'ml objective', 'overview',
    ],
  },
  {
    id: 'metrics',
    title: 'Metrics',
    headings: [
      'metrics', 'metric', 'evaluation', 'success metrics', 'offline and online metrics', 'offline metrics',
      'online metrics', 'measuring success', 'evaluation metrics', 'kpis', 'kpi',
    ],
  },
  {
    id: 'data',
    title: 'Data and features',
    headings: [
      'data and features', 'data', 'features', 'feature engineering', 'training data', 'labels', 'labelling',
      'labeling', 'data pipeline', 'data preparation', 'dataset', 'datasets', 'signals',
    ],
  },
  {
    id: 'models',
    title: 'Models',
    headings: [
      'models', 'model', 'modeling', 'modelling', 'model development', 'architecture', 'model architecture',
      'training', 'approach', 'ml approach', 'algorithms', 'system design',
    ],
  },
  {
    id: 'serving',
    title: 'Serving',
    headings: [
      'serving', 'deployment', 'inference', 'serving and scale', 'scaling', 'scale', 'online serving',
      'production', 'infrastructure', 'latency',
    ],
  },
  {
    id: 'monitoring',
    title: 'Monitoring',
    headings: [
      'monitoring', 'maintenance', 'iteration', 'observability', 'monitoring and maintenance', 'retraining',
      'continual learning', 'operations', 'next steps', 'future work',
    ],
  },
];

export function isPhaseId(value: string): value is PhaseId {
  return (PHASE_IDS as readonly string[]).includes(value);
}

export function phaseInfo(id: PhaseId): PhaseInfo {
  const info = PHASES.find((p) => p.id === id);
  if (!info) throw new Error(`unknown phase ${id}`);
  return info;
}
