import type { Edge, Graph } from './graph';
import { ALIAS_ONLY, GRAPH_RULES, MUST_BE_USED, PATH_RULES, type PathRule } from './rules';

export interface Violation {
  rule: string;
  from: string;
  /** The forbidden target, or the cycle / path that reaches it, as `a → b → c`. */
  to: string;
  message: string;
}

function matches(rule: PathRule, edge: Edge): boolean {
  return rule.to.test(edge.to) && !rule.toNot?.test(edge.to);
}

/** The project files each file imports at run time (type-only imports are erased by the build). */
function runtimeNeighbours(graph: Graph): Map<string, Edge[]> {
  const out = new Map<string, Edge[]>();
  for (const e of graph.edges) {
    if (e.typeOnly) continue;
    const list = out.get(e.from) ?? [];
    list.push(e);
    out.set(e.from, list);
  }
  return out;
}

/** The shortest run-time path from `start` to an import the rule forbids, as the files it passes through. */
function reach(start: string, rule: PathRule, runtime: Map<string, Edge[]>): string[] | null {
  const previous = new Map<string, string | null>([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const e of runtime.get(file) ?? []) {
      if (file !== start && matches(rule, e)) {
        const chain = [e.to];
        for (let at: string | null = file; at !== null; at = previous.get(at) ?? null) chain.unshift(at);
        return chain;
      }
      if (e.kind === 'project' && !previous.has(e.to)) {
        previous.set(e.to, file);
        queue.push(e.to);
      }
    }
  }
  return null;
}

function checkPathRules(graph: Graph): Violation[] {
  const found: Violation[] = [];
  const runtime = runtimeNeighbours(graph);
  for (const rule of PATH_RULES) {
    for (const e of graph.edges) {
      if (rule.reachable && e.typeOnly) continue;
      if (rule.from.test(e.from) && !rule.fromNot?.test(e.from) && matches(rule, e)) {
        found.push({ rule: rule.name, from: e.from, to: e.to, message: rule.message });
      }
    }
    if (!rule.reachable) continue;
    for (const file of graph.files) {
      if (!rule.from.test(file) || rule.fromNot?.test(file)) continue;
      const chain = reach(file, rule, runtime);
      if (chain) found.push({ rule: rule.name, from: file, to: chain.slice(1).join(' → '), message: rule.message });
    }
  }
  return found;
}

/** Strongly connected components of the project files (Tarjan), each of more than one file or a self-import. */
function cycles(graph: Graph): string[][] {
  const next = new Map<string, string[]>();
  for (const e of graph.edges) if (e.kind === 'project') next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || next.get(v)?.includes(v)) found.push(component.sort());
  };
  for (const f of graph.files) if (!index.has(f)) visit(f);
  return found;
}

/** One cycle through a component, as the files in import order, back to the first. */
function cyclePath(component: string[], graph: Graph): string[] {
  const inside = new Set(component);
  const start = component[0] as string;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    for (const e of graph.edges) {
      if (e.from !== file || !inside.has(e.to)) continue;
      if (e.to === start) {
        const chain = [start];
        for (let at: string | undefined = file; at !== undefined && at !== start; at = previous.get(at)) {
          chain.splice(1, 0, at);
        }
        return [start, ...chain.slice(1), start];
      }
      if (!previous.has(e.to)) {
        previous.set(e.to, file);
        queue.push(e.to);
      }
    }
  }
  return [...component, start];
}

/** Every violation of the house rules in the graph. */
export function checkRules(graph: Graph): Violation[] {
  const found = checkPathRules(graph);
  for (const component of cycles(graph)) {
    const chain = cyclePath(component, graph);
    found.push({
      rule: 'no-circular',
      from: chain[0] as string,
      to: chain.slice(1).join(' → '),
      message: GRAPH_RULES['no-circular'],
    });
  }
  const imported = new Set<string>();
  for (const e of graph.edges) {
    imported.add(e.to);
    if (ALIAS_ONLY.test(e.from) && e.specifier.startsWith('.')) {
      found.push({ rule: 'one-import-style', from: e.from, to: e.specifier, message: GRAPH_RULES['one-import-style'] });
    }
    if (e.kind === 'unresolved') {
      found.push({
        rule: 'not-to-unresolvable',
        from: e.from,
        to: e.specifier,
        message: GRAPH_RULES['not-to-unresolvable'],
      });
    }
  }
  for (const file of graph.files) {
    if (MUST_BE_USED.test(file) && !imported.has(file)) {
      found.push({
        rule: 'no-unused-module',
        from: file,
        to: '(nothing imports it)',
        message: GRAPH_RULES['no-unused-module'],
      });
    }
  }
  return found;
}
