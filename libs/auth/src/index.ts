export * from './access/decorators';
export * from './access/permission';
export * from './access/region-scope';
export * from './access/role';
export * from './users/first-admin.repository';
export * from './users/password';
