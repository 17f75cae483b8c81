export * from './validation/identifiers';
export * from './validation/sbi';
export * from './imports/employer-csv-format';
