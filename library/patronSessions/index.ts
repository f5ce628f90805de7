export * from './patronSessions';
export * from './privacy';
export * from './sensitiveInput';
