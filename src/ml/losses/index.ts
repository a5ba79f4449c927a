// Loss functions of one sample, as curves a cell can plot (the metrics folder has their means over a data set).
export * from './pointwise-loss.ts';
