export * from './chunking.ts';
export * from './bm25.ts';
export * from './top-k.ts';
export * from './mmr.ts';
