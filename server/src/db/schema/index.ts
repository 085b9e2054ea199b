export * from './app';
export * from './audit';
export * from './organisation';
export * from './bulletins';
export * from './submissions';
export * from './reviews';
export * from './checkin';
export * from './sessions';
