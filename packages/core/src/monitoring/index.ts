export { assessProject } from './assess.ts';
export * from './bindings.ts';
export * from './curves.ts';
export * from './form.ts';
export { indicatorLight, meetsTarget, qualitativeBandOf, worstLight } from './lights.ts';
export * from './model.ts';
export * from './rule-set.ts';
export { consistencyWarnings, goalProgress, isDone, isSatisfaction, projectedDecemberShare } from './warnings.ts';
