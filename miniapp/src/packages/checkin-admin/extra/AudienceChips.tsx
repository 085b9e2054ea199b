import { useEffect, useState } from 'react';
import { Chips } from '../../../components/Chips';
import { api, call } from '../../../services/api';

/** Who an activity is for: the whole unit, one branch, or one host site's mobile members. */
export interface Audience {
  branchId: number | null;
  hostSiteId: number | null;
}

type Option = { value: string; label: string; audience: Audience };

const WHOLE_UNIT: Option = { value: 'unit', label: '全单位', audience: { branchId: null, hostSiteId: null } };

async function optionsOf(unitId: number): Promise<Option[]> {
  const [unit, sites] = await Promise.all([
    call(api.units.get, { params: { id: unitId } }),
    call(api.schedules.listHostSites, { params: { unitId } }),
  ]);
  return [
    WHOLE_UNIT,
    ...unit.branches.map((branch) => ({
      value: `branch-${branch.id}`,
      label: branch.name,
      audience: { branchId: branch.id, hostSiteId: null },
    })),
    ...sites.items.map((site) => ({ value: `site-${site.id}`, label: site.name, audience: { branchId: null, hostSiteId: site.id } })),
  ];
}

/**
 * Shown only where there is a choice (the unit has branches or host sites). Should they fail to load,
 * the activity stays unit-wide, as it would be without branches.
 */
export function AudienceChips({ unitId, value, onChange }: { unitId: number; value: Audience; onChange: (audience: Audience) => void }) {
  const [options, setOptions] = useState<Option[]>([WHOLE_UNIT]);
  useEffect(() => {
    optionsOf(unitId).then(setOptions, () => setOptions([WHOLE_UNIT]));
  }, [unitId]);
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
