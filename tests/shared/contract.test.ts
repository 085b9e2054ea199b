import { allEndpoints, buildPath, buildQuery, ERROR_CODES, ERROR_MESSAGES, ERROR_STATUS } from '@zhijian/shared';
import { describe, expect, it } from 'vitest';

describe('buildPath', () => {
  it('fills and encodes path parameters', () => {
    expect(buildPath('/api/units/:unitId/members', { unitId: 7 })).toBe('/api/units/7/members');
    expect(buildPath('/api/x/:name', { name: '第一 片组/2' })).toBe('/api/x/%E7%AC%AC%E4%B8%80%20%E7%89%87%E7%BB%84%2F2');
  });

  it('refuses to build a path with a parameter missing', () => {
    expect(() => buildPath('/api/units/:id', {})).toThrow('id');
  });
});

describe('buildQuery', () => {
  it('leaves out undefined values and repeats arrays', () => {
    expect(buildQuery({ page: 2, q: undefined, tag: ['a', 'b'] })).toBe('?page=2&tag=a&tag=b');
    expect(buildQuery({})).toBe('');
  });
});

describe('the contract', () => {
  it('names every endpoint once, each with a Chinese summary and a stated access', () => {
    const keys = allEndpoints().map((e) => `${e.method} ${e.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const endpoint of allEndpoints()) {
      expect(endpoint.summary).toMatch(/[\u4e00-\u9fff]/);
      expect(endpoint.access === 'public' || endpoint.access === 'signedIn' || endpoint.access.length > 0).toBe(true);
    }
  });

  it('gives every error code a status and a Chinese message', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
