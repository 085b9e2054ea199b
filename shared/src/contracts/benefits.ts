import { z } from 'zod';
import { endpoint } from '../contract';
import { BenefitMeasure } from '../domain/record';
import { changesOf, IdParams, Ok } from './common';
import { UnitParams } from './members';

export const BenefitInput = z.object({
  name: z.string().trim().min(2, '请填写权益名称').max(40).meta({ label: '权益名称' }),
  description: z.string().trim().max(300).default('').meta({ label: '说明' }),
  measure: BenefitMeasure.meta({ label: '依据' }),
  threshold: z.number().int().min(0).max(10_000).meta({ label: '门槛' }),
});
export type BenefitInput = z.output<typeof BenefitInput>;
export const BenefitChanges = changesOf(BenefitInput);
export type BenefitChanges = z.output<typeof BenefitChanges>;

export const Benefit = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  name: z.string(),
  description: z.string(),
  measure: BenefitMeasure,
  measureLabel: z.string(),
  threshold: z.number().int(),
});
export type Benefit = z.infer<typeof Benefit>;

export const benefits = {
  listForUnit: endpoint({
    method: 'GET',
    path: '/api/units/:unitId/benefits',
    summary: '本单位的党员权益（达到门槛即解锁，不消耗积分）',
    access: 'signedIn',
    params: UnitParams,
    response: z.object({ items: z.array(Benefit) }),
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/units/:unitId/benefits',
    summary: '新增权益',
    access: ['unit_admin'],
    params: UnitParams,
    body: BenefitInput,
    response: Benefit,
    status: 201,
  }),
  update: endpoint({
    method: 'PATCH',
    path: '/api/benefits/:id',
    summary: '修改权益',
    access: ['unit_admin'],
    params: IdParams,
    body: BenefitChanges,
    response: Benefit,
  }),
  remove: endpoint({
    method: 'DELETE',
    path: '/api/benefits/:id',
    summary: '删除权益',
    access: ['unit_admin'],
    params: IdParams,
    response: Ok,
  }),
};
