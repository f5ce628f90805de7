export * from './patronSessions';
export * from './privacy';
