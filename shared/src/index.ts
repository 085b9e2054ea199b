import { z } from 'zod';

// Validation messages in Chinese for every schema built from this package.
z.config(z.locales.zhCN());

export * from './api';
export * from './contract';
export * from './errors';
export * from './roles';
export * from './client/apiClient';
export * from './client/fetchTransport';
export * from './client/transport';
export * from './contracts/common';
export * from './contracts/health';
export * from './contracts/me';
export * from './contracts/auth';
export * from './contracts/groups';
export * from './contracts/units';
export * from './contracts/members';
export * from './contracts/audit';
export * from './contracts/bulletins';
export * from './domain/phone';
export * from './domain/unitKinds';
export * from './domain/readRule';
export * from './domain/bulletinLabel';
