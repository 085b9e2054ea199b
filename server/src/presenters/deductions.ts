import { DEDUCTION_PHASE_LABELS, deductionPhase, type Deduction, type Sanction } from '@zhijian/shared';
import type { DeductionRows, SanctionRows } from '../queries/deductions';
import { presentTimeline } from './bonuses';

/**
 * A deduction as it stands at `now` (the server's clock). A deduction whose window passed without
 * an appeal took effect at its deadline: the timeline says so from then on, whether or not the
 * scheduled booking has run yet.
 */
export function presentDeduction({ deduction: d, memberName, timeline }: DeductionRows, now: Date): Deduction {
  const phase = deductionPhase(d, now);
  const steps = presentTimeline(timeline);
  if (d.status === 'recorded' && phase === 'effective' && !steps.some((step) => step.action === 'took_effect')) {
    steps.push({ action: 'took_effect', label: '扣分生效', actor: '系统', note: '申诉期内未申诉', at: d.appealDeadline.toISOString() });
  }
  return {
    id: d.id,
    member: { id: d.memberId, name: memberName },
    unitId: d.unitId,
    kindKey: d.kindKey,
    kindName: d.kindName,
    points: d.points,
    reason: d.reason,
    occurredOn: d.occurredOn,
    phase,
    phaseLabel: DEDUCTION_PHASE_LABELS[phase],
    recordedAt: d.recordedAt.toISOString(),
    appealDeadline: d.appealDeadline.toISOString(),
    appeal: d.appealText !== null && d.appealedAt !== null ? { text: d.appealText, at: d.appealedAt.toISOString() } : null,
    decisionNote: d.decisionNote,
    appealable: phase === 'appeal_window',
    timeline: steps,
  };
}

export function presentSanction({ sanction: s, memberName, unitName }: SanctionRows): Sanction {
  return {
    id: s.id,
    member: { id: s.memberId, name: memberName },
    unit: { id: s.unitId, name: unitName },
    year: s.year,
    description: s.description,
    decidedOn: s.decidedOn,
    recordedAt: s.recordedAt.toISOString(),
  };
}
