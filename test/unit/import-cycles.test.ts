import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

/**
 * Directory edges that close a cycle today and are being removed by work in flight. Delete an entry as soon as
 * its edge is gone (the last test below says when); never add one.
 */
const KNOWN_CYCLE_EDGES: ReadonlyMap<string, string> = new Map([]);

type Graph = Map<string, Map<string, string[]>>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** A folder under src/ is one node; a file directly in src/ (cli.ts, levels.ts…) is a node of its own, named without extension. */
function nodeOf(file: string): string {
  return relative(SRC, file).split(sep)[0]!.replace(/\.[jt]s$/, '');
}

/** Directory-level imports of src/, static, dynamic and type-only alike, with the file imports behind each edge. */
function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(SRC)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), fileName);
      const from = nodeOf(file);
      const to = nodeOf(target);
      if (from === to || relative(SRC, target).startsWith('..')) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      graph.set(from, edges);
      edges.set(to, [...(edges.get(to) ?? []), `${relative(SRC, file)} → ${fileName}`]);
    }
  }
  return graph;
}

/** Strongly connected components with more than one node (Tarjan): each is a set of folders importing in a circle. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((edges) => [...edges.keys()])]);
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component.sort());
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) visit(node);
  return found;
}

function without(graph: Graph, edges: Iterable<string>): Graph {
  const drop = new Set(edges);
  return new Map(
    [...graph].map(([from, targets]) => [from, new Map([...targets].filter(([to]) => !drop.has(`${from} -> ${to}`)))]),
  );
}

/** Each cycle with the file imports along its edges, so a failure says which import to move. */
function describeCycles(graph: Graph, found: string[][]): string {
  return found
    .map((component) => {
      const lines = component.flatMap((from) =>
        [...(graph.get(from) ?? new Map<string, string[]>())]
          .filter(([to]) => component.includes(to))
          .map(([to, imports]) => `  ${from} -> ${to}: ${imports.join(', ')}`),
      );
      return `${component.join(' ⇄ ')}\n${lines.join('\n')}`;
    })
    .join('\n');
}

function graphOf(edges: Record<string, string[]>): Graph {
  return new Map(Object.entries(edges).map(([from, tos]) => [from, new Map(tos.map((to) => [to, [`${from}/x.ts → ../${to}/y.js`]]))]));
}

describe('directory import cycles in src/', () => {
  it.each([
    [{ a: ['b'], b: ['c'], c: ['a'], d: ['a'] }, [['a', 'b', 'c']]],
    [{ a: ['b'], b: ['a'], c: ['d'], d: ['c'] }, [['a', 'b'], ['c', 'd']]],
    [{ a: ['b', 'c'], b: ['c'], c: [] }, []],
  ])('the detector finds exactly the cycles of %j', (edges, expected) => {
    expect(cycles(graphOf(edges))).toEqual(expected);
  });

  it('the graph sees static and dynamic imports across folders', () => {
    const graph = importGraph();
    expect(graph.get('cli')?.has('commands')).toBe(true); // lazy import('./commands/…')
    expect(graph.get('commands')?.has('content')).toBe(true);
    expect(graph.get('grading')?.has('phases')).toBe(true);
  });

  it('no folder of src/ imports another that imports it back, apart from the known exceptions', () => {
    const graph = importGraph();
    const found = cycles(without(graph, KNOWN_CYCLE_EDGES.keys()));
    expect(found, describeCycles(graph, found)).toEqual([]);
  });

  it('every known exception is still an edge of the graph (else remove it from KNOWN_CYCLE_EDGES)', () => {
    const graph = importGraph();
    const stale = [...KNOWN_CYCLE_EDGES.keys()].filter((edge) => {
      const [from, to] = edge.split(' -> ') as [string, string];
      return !graph.get(from)?.has(to);
    });
    expect(stale).toEqual([]);
  });
});

describe('the grader reads no files', () => {
  it('src/grading imports neither node:fs nor the content loaders', () => {
    const offending = sourceFiles(join(SRC, 'grading')).flatMap((file) =>
      ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.map(({ fileName }) => fileName)
        .filter((name) => /^(node:)?fs(\/promises)?$/.test(name) || /\/content\/(load|vocabulary|answer-file)\.js$/.test(name))
        .map((name) => `${relative(SRC, file)} → ${name}`),
    );
    expect(offending).toEqual([]);
  });
});
