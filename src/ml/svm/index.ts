export type { GammaOption, SVMKernel } from './kernel.ts';
export * from './svc.ts';
export * from './linear-svc.ts';
