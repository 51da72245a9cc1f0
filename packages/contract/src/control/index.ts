export * from './access.ts';
export * from './asset.ts';
export * from './budget.ts';
export * from './contract.ts';
export * from './fields.ts';
export * from './payment.ts';
export * from './procurement.ts';
export * from './subsidy.ts';
