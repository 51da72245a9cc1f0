export * from './aggregates.ts';
export * from './anomalies.ts';
