import type { Level1, Level2 } from '../api/types.ts';

/**
 * Which 二级指标 belong under each 一级指标 (财预〔2020〕10号). The server checks the same rule
 * (core LEVEL2_OF); the contract does not export it, so it is repeated here for the form's choices.
 */
export const LEVEL2_OF: Readonly<Record<Level1, readonly Level2[]>> = {
  output: ['quantity', 'quality', 'timeliness', 'cost'],
  effect: ['economic', 'social', 'ecological', 'sustainability'],
  satisfaction: ['beneficiary'],
};
