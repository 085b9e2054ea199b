import { maskPhone, phoneTail, type Me, type MyContact } from '@zhijian/shared';
import type { MeRows } from '../queries/me';

export function presentMe({ user, unit, branch }: MeRows): Me {
  return {
    id: user.id,
    name: user.name,
    phoneMasked: maskPhone(user.phone),
    phoneTail: phoneTail(user.phone),
    kind: user.kind,
    roles: user.roles,
    unit: unit && { id: unit.id, name: unit.name },
    branch: branch && { id: branch.id, name: branch.name },
    group: unit && { id: unit.groupId, name: unit.groupName },
  };
}

export function presentMyContact(user: { name: string; phone: string }): MyContact {
  return { name: user.name, phone: user.phone };
}
