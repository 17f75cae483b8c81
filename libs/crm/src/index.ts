export * from './validation/identifiers';
export * from './validation/sbi';
