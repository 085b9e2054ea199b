import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { taroControl } from './taro';

// Pages read the build target at call time; component tests run as the H5 build unless a test says otherwise.
beforeEach(() => {
  taroControl.reset();
  process.env.TARO_ENV = 'h5';
});

afterEach(() => {
  cleanup();
});
