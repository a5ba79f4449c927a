export type { GammaOption, SVMKernel } from './kernel.ts';
export * from './svc.ts';
