export { GridWorld, GRID_ACTIONS, type Action, type CellKind, type Outcome, type GridWorldOptions } from './grid-world.ts';
export { potentialShaping, progressBonus, type Shaping } from './reward-shaping.ts';
export { valueIteration, bellmanBackup, greedyPolicy, policyAgreement, type ValueIterationOptions, type ValueIterationResult } from './value-iteration.ts';
export {
  qLearning, qLearningEpisodes, epsilonGreedyAction, greedyRollout,
  type QLearningOptions, type QLearningRun, type Episode, type EpisodeEnd,
} from './q-learning.ts';
export { BradleyTerryRewardModel, type BradleyTerryOptions } from './bradley-terry.ts';
