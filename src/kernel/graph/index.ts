export * from './topology.ts';
export * from './edges.ts';
