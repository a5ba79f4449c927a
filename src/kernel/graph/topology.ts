/**
 * A directed graph over cell ids: pure structure, no business logic. Nodes keep their document
 * order, which breaks ties in the topological order so independent cells run top to bottom.
 */
export class Topology {
  private readonly order: string[];
  private readonly position = new Map<string, number>();
  private readonly children = new Map<string, Set<string>>();
  private readonly parents = new Map<string, Set<string>>();

  constructor(nodes: readonly string[]) {
    this.order = nodes.slice();
    nodes.forEach((id, i) => {
      this.position.set(id, i);
      this.children.set(id, new Set());
      this.parents.set(id, new Set());
    });
  }

  addEdge(from: string, to: string): void {
    this.children.get(from)!.add(to);
    this.parents.get(to)!.add(from);
  }

  nodes(): readonly string[] {
    return this.order;
  }

  parentsOf(id: string): ReadonlySet<string> {
    return this.parents.get(id) ?? new Set();
  }

  childrenOf(id: string): ReadonlySet<string> {
    return this.children.get(id) ?? new Set();
  }

  /** Strongly connected components with more than one node: the cycles (Tarjan's algorithm). */
  cycles(): string[][] {
    let counter = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const found: string[][] = [];

    const visit = (v: string): void => {
      index.set(v, counter);
      low.set(v, counter);
      counter++;
      stack.push(v);
      onStack.add(v);
      for (const w of this.children.get(v)!) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) {
          low.set(v, Math.min(low.get(v)!, index.get(w)!));
        }
      }
      // v is the root of a component: pop it off the stack.
      if (low.get(v) === index.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || this.children.get(v)!.has(v)) found.push(this.sortByPosition(component));
      }
    };
    for (const v of this.order) if (!index.has(v)) visit(v);
    return found;
  }

  /**
   * Topological order (Kahn's algorithm), always taking the earliest ready cell in document
   * order. Nodes on a cycle never become ready and are left out.
   */
  topologicalOrder(): string[] {
    const remaining = new Map<string, number>();
    for (const id of this.order) remaining.set(id, this.parents.get(id)!.size);
    const ready = this.order.filter((id) => remaining.get(id) === 0);
    const out: string[] = [];
    while (ready.length > 0) {
      ready.sort((a, b) => this.position.get(a)! - this.position.get(b)!);
      const id = ready.shift()!;
      out.push(id);
      for (const child of this.children.get(id)!) {
        const left = remaining.get(child)! - 1;
        remaining.set(child, left);
        if (left === 0) ready.push(child);
      }
    }
    return out;
  }

  /** The given nodes and everything reachable from them. */
  descendants(ids: Iterable<string>): Set<string> {
    return this.reach(ids, this.children);
  }

  /** The given nodes and everything they are reachable from. */
  ancestors(ids: Iterable<string>): Set<string> {
    return this.reach(ids, this.parents);
  }

  private reach(start: Iterable<string>, next: Map<string, Set<string>>): Set<string> {
    const seen = new Set<string>();
    const stack = [...start].filter((id) => next.has(id));
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const n of next.get(id)!) stack.push(n);
    }
    return seen;
  }

  private sortByPosition(ids: string[]): string[] {
    return ids.sort((a, b) => this.position.get(a)! - this.position.get(b)!);
  }
}
