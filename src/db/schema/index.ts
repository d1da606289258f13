export * from './identity.js';
export * from './organisations.js';
