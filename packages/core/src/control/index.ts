export * from './config.ts';
export * from './ledger.ts';
export * from './payment-rules.ts';
export * from './procurement.ts';
export * as segregation from './segregation.ts';
export * from './self-assessment.ts';
export * from './uscc.ts';
