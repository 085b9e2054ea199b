import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, AUDIT_ENTITIES, AUDIT_ENTITY_NAMES, auditActionName, auditEntityName } from '@zhijian/shared';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditSources } from './auditSources';

const sources = auditSources(fileURLToPath(new URL('../../server/src', import.meta.url)));
const CHINESE = /[\u4e00-\u9fff]/;

describe('the audit log in Chinese', () => {
  it('finds the actions the server writes (the reader of the code works)', () => {
    expect(sources.actions.length).toBeGreaterThan(100);
    expect(sources.actions).toEqual(expect.arrayContaining(['unit.create', 'bulletin.publish', 'call.export_entries', 'letter.reopen']));
    expect(sources.entities).toEqual(expect.arrayContaining(['unit', 'bulletin_issue', 'call']));
  });

  it('names every action the server writes', () => {
    const unnamed = sources.actions.filter((action) => !(action in AUDIT_ACTION_NAMES));
    expect(unnamed).toEqual([]);
  });

  it('names at least one action for every pattern a template writes (`entry.${action}`)', () => {
    for (const pattern of sources.actionPatterns)
      expect(
        AUDIT_ACTIONS.some((action) => pattern.test(action)),
        String(pattern),
      ).toBe(true);
  });

  it('names every kind of record the server writes', () => {
    const unnamed = sources.entities.filter((entity) => !(entity in AUDIT_ENTITY_NAMES));
    expect(unnamed).toEqual([]);
  });

  it('gives each a Chinese name, and no two actions the same one', () => {
    for (const name of [...Object.values(AUDIT_ACTION_NAMES), ...Object.values(AUDIT_ENTITY_NAMES)]) expect(name).toMatch(CHINESE);
    expect(new Set(Object.values(AUDIT_ACTION_NAMES)).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(Object.values(AUDIT_ENTITY_NAMES)).size).toBe(AUDIT_ENTITIES.length);
  });

  it('names an action by its code, and shows a code no longer written as itself', () => {
    expect(auditActionName('call.export_entries')).toBe('导出作品清单');
    expect(auditEntityName('bulletin_issue')).toBe('简报');
    expect(auditActionName('retired.code')).toBe('retired.code');
  });
});
