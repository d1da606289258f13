export * from './alerts.js';
export * from './audit.js';
export * from './identity.js';
export * from './organisations.js';
export * from './outbox.js';
export * from './people.js';
export * from './referrals.js';
export * from './requests.js';
