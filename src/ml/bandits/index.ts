export { BernoulliBandit, makeBanditMeans, type BernoulliBanditOptions, type BanditMeansOptions } from './bernoulli-bandit.ts';
export { BanditPolicy } from './bandit-policy.ts';
export { EpsilonGreedy, type EpsilonGreedyOptions } from './epsilon-greedy.ts';
export { UCB1, type UCB1Options } from './ucb1.ts';
export { ThompsonSampling, type ThompsonSamplingOptions } from './thompson-sampling.ts';
export { banditSteps, playBandit, type BanditStep, type BanditRun } from './play-bandit.ts';
