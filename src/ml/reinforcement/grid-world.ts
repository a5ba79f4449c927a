import { checkRange, fail } from '../core/validate.ts';
import type { Random } from '../core/random.ts';

/** The four moves, in the order of a Q table's columns: 0 up, 1 right, 2 down, 3 left. */
export const GRID_ACTIONS = ['up', 'right', 'down', 'left'] as const;
export type Action = 0 | 1 | 2 | 3;
/** Row and column change of each action (row 0 is the top row). */
const MOVES: readonly (readonly [number, number])[] = [[-1, 0], [0, 1], [1, 0], [0, -1]];

/** What a cell of the layout is: `.` floor, `#` wall, `S` start, `G` goal, `X` pit. */
export type CellKind = 'floor' | 'wall' | 'start' | 'goal' | 'pit';
const KINDS: Record<string, CellKind> = { '.': 'floor', '#': 'wall', S: 'start', G: 'goal', X: 'pit' };

/** One possible outcome of a move: where the agent lands, with what probability and reward. */
export interface Outcome {
  next: number;
  probability: number;
  reward: number;
  /** Whether `next` ends the episode (the goal or a pit). */
  done: boolean;
}

export interface GridWorldOptions {
  /** One string per row, one character per cell: `.` floor, `#` wall, `S` start (one), `G` goal, `X` pit. */
  layout: readonly string[];
  /** Reward for every move that lands on a floor cell (a negative number is a step cost). */
  stepReward?: number;
  /** Reward for landing on the goal (the episode ends). */
  goalReward?: number;
  /** Reward for landing in a pit (the episode ends). */
  pitReward?: number;
  /** The chance that a move slips to one of its two sideways neighbours (half each) instead. */
  slip?: number;
  /** r(s') for every cell, replacing the three rewards above (a learned reward model's, say). */
  rewards?: readonly number[];
}

/**
 * A grid world: the agent moves up, right, down or left one cell at a time. A move into a wall or
 * off the grid leaves it where it was (and still costs a step). Landing on the goal or in a pit
 * ends the episode. States are cells numbered row by row (s = row · columns + column); walls are
 * numbered too but never entered. The reward depends only on the cell landed on, so the return
 * of an episode is a sum over the cells it entered.
 */
export class GridWorld {
  readonly layout: readonly string[];
  readonly rows: number;
  readonly columns: number;
  readonly nStates: number;
  readonly nActions = 4;
  readonly kinds: readonly CellKind[];
  readonly start: number;
  readonly stepReward: number;
  readonly goalReward: number;
  readonly pitReward: number;
  readonly slip: number;
  /** r(s'): the reward for landing on each cell (0 for walls, which are never entered). */
  readonly rewards: readonly number[];

  constructor({ layout, stepReward = -1, goalReward = 10, pitReward = -10, slip = 0, rewards }: GridWorldOptions) {
    const where = 'GridWorld';
    if (!Array.isArray(layout) || layout.length === 0) fail(where, 'layout must be a non-empty array of strings, one per row');
    const columns = layout[0].length;
    const kinds: CellKind[] = [];
    layout.forEach((row, r) => {
      if (typeof row !== 'string' || row.length !== columns) {
        fail(where, `layout row ${r} has ${typeof row === 'string' ? row.length : 0} cells, expected ${columns} (every row must have the same length)`);
      }
      for (const [c, ch] of [...row].entries()) {
        const kind = KINDS[ch];
        if (kind === undefined) fail(where, `layout row ${r}, column ${c} is '${ch}'; use . # S G or X`);
        kinds.push(kind);
      }
    });
    const starts = kinds.flatMap((k, s) => (k === 'start' ? [s] : []));
    if (starts.length !== 1) fail(where, `the layout must have exactly one start S, found ${starts.length}`);
    if (!kinds.includes('goal')) fail(where, 'the layout has no goal G');
    for (const [name, value] of [['stepReward', stepReward], ['goalReward', goalReward], ['pitReward', pitReward]] as const) {
      if (!Number.isFinite(value)) fail(where, `${name} must be a finite number, got ${value}`);
    }
    checkRange(slip, where, 'slip', 0, 1);
    this.layout = layout.slice();
    this.rows = layout.length;
    this.columns = columns;
    this.nStates = kinds.length;
    this.kinds = kinds;
    this.start = starts[0];
    this.stepReward = stepReward;
    this.goalReward = goalReward;
    this.pitReward = pitReward;
    this.slip = slip;
    if (rewards !== undefined) {
      if (rewards.length !== kinds.length) fail(where, `rewards has ${rewards.length} values, expected one per cell (${kinds.length})`);
      rewards.forEach((r, s) => {
        if (!Number.isFinite(r)) fail(where, `rewards[${s}] must be a finite number, got ${r}`);
      });
    }
    this.rewards = rewards?.slice() ?? kinds.map((k) => (k === 'goal' ? goalReward : k === 'pit' ? pitReward : k === 'wall' ? 0 : stepReward));
  }

  /** The episode ends on entering this cell (goal or pit). */
  isTerminal(state: number): boolean {
    return this.kinds[state] === 'goal' || this.kinds[state] === 'pit';
  }

  /** A cell the agent can stand on before moving: not a wall, not terminal. */
  isDecision(state: number): boolean {
    return this.kinds[state] !== 'wall' && !this.isTerminal(state);
  }

  rowOf(state: number): number {
    return Math.floor(state / this.columns);
  }

  columnOf(state: number): number {
    return state % this.columns;
  }

  /** Where a move that goes exactly as intended lands: one cell over, or nowhere if that is a wall or off the grid. */
  moveFrom(state: number, action: number): number {
    const r = this.rowOf(state) + MOVES[action][0];
    const c = this.columnOf(state) + MOVES[action][1];
    if (r < 0 || r >= this.rows || c < 0 || c >= this.columns) return state;
    const next = r * this.columns + c;
    return this.kinds[next] === 'wall' ? state : next;
  }

  /**
   * p(s', r | s, a): the intended move with probability 1 − slip, each sideways move with
   * slip / 2. Outcomes that land on the same cell are merged.
   */
  outcomes(state: number, action: number): Outcome[] {
    this.check(state, action, 'GridWorld.outcomes');
    const sideways = [(action + 1) % 4, (action + 3) % 4];
    const moves: [number, number][] = [[this.moveFrom(state, action), 1 - this.slip]];
    if (this.slip > 0) for (const a of sideways) moves.push([this.moveFrom(state, a), this.slip / 2]);
    const merged = new Map<number, number>();
    for (const [next, p] of moves) merged.set(next, (merged.get(next) ?? 0) + p);
    return [...merged].map(([next, probability]) => ({ next, probability, reward: this.rewards[next], done: this.isTerminal(next) }));
  }

  /**
   * Sample one move. With slip > 0 one uniform decides whether it slips (u < slip) and, if it
   * does, a second picks the side; a world without slip draws nothing.
   */
  step(state: number, action: number, random: Random): { next: number; reward: number; done: boolean } {
    this.check(state, action, 'GridWorld.step');
    let direction = action;
    if (this.slip > 0 && random.next() < this.slip) direction = random.next() < 0.5 ? (action + 1) % 4 : (action + 3) % 4;
    const next = this.moveFrom(state, direction);
    return { next, reward: this.rewards[next], done: this.isTerminal(next) };
  }

  /**
   * d(s): the fewest moves from each cell to the nearest goal, walking around walls and pits
   * (breadth-first search from the goals); Infinity where no goal can be reached, and for walls.
   */
  distancesToGoal(): number[] {
    const distance = new Array<number>(this.nStates).fill(Infinity);
    const queue = this.kinds.flatMap((k, s) => (k === 'goal' ? [s] : []));
    for (const s of queue) distance[s] = 0;
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head];
      for (let a = 0; a < 4; a++) {
        const neighbour = this.moveFrom(s, a);
        if (this.kinds[neighbour] === 'pit' || distance[neighbour] !== Infinity) continue;
        distance[neighbour] = distance[s] + 1;
        queue.push(neighbour);
      }
    }
    return distance;
  }

  /** The same grid with another reward for landing on each cell (a learned reward model's, say). */
  withRewards(rewards: readonly number[]): GridWorld {
    const { layout, stepReward, goalReward, pitReward, slip } = this;
    return new GridWorld({ layout, stepReward, goalReward, pitReward, slip, rewards });
  }

  private check(state: number, action: number, where: string): void {
    if (!Number.isInteger(state) || state < 0 || state >= this.nStates) fail(where, `state must be an integer from 0 to ${this.nStates - 1}, got ${state}`);
    if (!Number.isInteger(action) || action < 0 || action > 3) fail(where, `action must be 0 (up), 1 (right), 2 (down) or 3 (left), got ${action}`);
  }
}
