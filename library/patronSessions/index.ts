export * from './patronSessions';
export * from './sensitiveInput';
