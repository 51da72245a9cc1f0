export * from './aggregates.ts';
export * from './anomalies.ts';
export * from './rollup.ts';
