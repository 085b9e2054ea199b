import type { ExtraActivityInput, HostSite, UnitDetail } from '@zhijian/shared';
import type { z } from 'zod';
import { Chips } from '../../../components/Chips';

/** Who an activity is for: the whole unit, one branch, or one host site's mobile members. */
export type Audience = Required<Pick<z.output<typeof ExtraActivityInput>, 'branchId' | 'hostSiteId'>>;

const WHOLE_UNIT = { value: 'unit', label: '全单位', audience: { branchId: null, hostSiteId: null } as Audience };

/**
 * Shown only where there is a choice (the unit has branches or host sites); without them (or while
 * they are not known) the activity is unit-wide.
 */
export function AudienceChips({
  branches = [],
  sites = [],
  value,
  onChange,
}: {
  branches?: UnitDetail['branches'];
  sites?: Pick<HostSite, 'id' | 'name'>[];
  value: Audience;
  onChange: (audience: Audience) => void;
}) {
  const options = [
    WHOLE_UNIT,
    ...branches.map((branch) => ({
      value: `branch-${branch.id}`,
      label: branch.name,
      audience: { branchId: branch.id, hostSiteId: null },
    })),
    ...sites.map((site) => ({ value: `site-${site.id}`, label: site.name, audience: { branchId: null, hostSiteId: site.id } })),
  ];
  if (options.length < 2) return null;
  const chosen = options.find((o) => o.audience.branchId === value.branchId && o.audience.hostSiteId === value.hostSiteId) ?? WHOLE_UNIT;
  return (
    <Chips
      label="参加对象"
      options={options}
      value={chosen.value}
      onChange={(picked) => onChange(options.find((o) => o.value === picked)!.audience)}
    />
  );
}
