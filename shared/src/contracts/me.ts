import { z } from 'zod';
import { MEMBER_KINDS } from '../domain/unitKinds';
import { Role } from '../roles';

/** The signed-in person as they see themselves. */
export const Me = z.object({
  id: z.number().int(),
  name: z.string(),
  phoneMasked: z.string(),
  phoneTail: z.string(),
  kind: z.enum(MEMBER_KINDS),
  roles: z.array(Role),
  unit: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  branch: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  group: z.object({ id: z.number().int(), name: z.string() }).nullable(),
});
export type Me = z.infer<typeof Me>;

/**
 * The signed-in person's own name and full phone, for prefilling a form's contact fields; read when
 * the form opens, never kept with the session (lists and the session show the phone masked).
 */
export const MyContact = z.object({
  name: z.string(),
  phone: z.string(),
});
export type MyContact = z.infer<typeof MyContact>;
