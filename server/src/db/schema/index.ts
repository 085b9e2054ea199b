export * from './app';
export * from './audit';
export * from './organisation';
export * from './bulletins';
