import { checkPositiveInt, fail } from '../core/validate.ts';
import type { BanditPolicy } from './bandit-policy.ts';
import type { BernoulliBandit } from './bernoulli-bandit.ts';

/** The state after one pull: what was chosen and why, and what the policy now believes. */
export interface BanditStep {
  /** t, the pull's number (1 for the first). */
  t: number;
  arm: number;
  reward: number;
  /** The numbers the policy maximised to choose (Q_a, U_a or θ_a), before this pull's reward. */
  scores: number[];
  /** N_a and Q_a after this pull. */
  counts: number[];
  values: number[];
  /** Pseudo-regret so far, Σ_{s ≤ t} (μ* − μ_{a_s}). */
  regret: number;
}

function check(policy: BanditPolicy, bandit: BernoulliBandit, nPulls: number, where: string): void {
  checkPositiveInt(nPulls, where, 'nPulls');
  if (policy.nArms !== bandit.nArms) fail(where, `the policy has ${policy.nArms} arms but the bandit has ${bandit.nArms}`);
}

/** Play `nPulls` pulls, yielding every step's state (copies, safe to keep). */
export function* banditSteps(policy: BanditPolicy, bandit: BernoulliBandit, nPulls: number): Generator<BanditStep> {
  check(policy, bandit, nPulls, 'banditSteps');
  let regret = 0;
  for (let t = 1; t <= nPulls; t++) {
    const arm = policy.select();
    const scores = policy.scores.slice();
    const reward = bandit.pull(arm);
    policy.update(arm, reward);
    regret += bandit.gap(arm);
    yield { t, arm, reward, scores, counts: policy.counts.slice(), values: policy.values.slice(), regret };
  }
}

export interface BanditRun {
  arms: Int32Array;
  rewards: Float64Array;
  /** regret[t − 1] = Σ_{s ≤ t} (μ* − μ_{a_s}), the pseudo-regret after pull t. */
  regret: Float64Array;
}

/** Play `nPulls` pulls and keep only the choices, rewards and cumulative regret (no per-step copies). */
export function playBandit(policy: BanditPolicy, bandit: BernoulliBandit, nPulls: number): BanditRun {
  check(policy, bandit, nPulls, 'playBandit');
  const run = { arms: new Int32Array(nPulls), rewards: new Float64Array(nPulls), regret: new Float64Array(nPulls) };
  let regret = 0;
  for (let i = 0; i < nPulls; i++) {
    const arm = policy.select();
    const reward = bandit.pull(arm);
    policy.update(arm, reward);
    regret += bandit.gap(arm);
    run.arms[i] = arm;
    run.rewards[i] = reward;
    run.regret[i] = regret;
  }
  return run;
}
