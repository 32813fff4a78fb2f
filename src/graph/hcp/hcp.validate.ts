import { ValidationError } from '../../errors';
import { idList, newId, optionalEmail, optionalText, refId, requiredText } from '../common/validate';
import { CreateHcpInput, UpdateHcpInput } from './hcp.input';
import { HcpFields, HcpRefs } from './hcp.writes';

/** A checked createHcp input: every field normalized, or a ValidationError naming the first bad field. */
export function checkCreateHcp(input: CreateHcpInput): { id: string; fields: HcpFields; refs: HcpRefs } {
  return {
    id: newId('hcp', input.id),
    fields: {
      firstName: requiredText(input.firstName, 'firstName'),
      lastName: requiredText(input.lastName, 'lastName'),
      specialty: optionalText(input.specialty, 'specialty'),
      email: optionalEmail(input.email),
      preferredChannel: input.preferredChannel ?? null,
    },
    refs: {
      institutionId: input.institutionId ? refId(input.institutionId, 'institutionId') : null,
      ...(input.territoryId !== undefined ? { territoryId: input.territoryId ? refId(input.territoryId, 'territoryId') : null } : {}),
      therapeuticAreaIds: idList(input.therapeuticAreaIds ?? [], 'therapeuticAreaIds'),
    },
  };
}

/** A checked updateHcp input: only the fields present (undefined = unchanged; null clears an optional field). */
export function checkUpdateHcp(input: UpdateHcpInput): { fields: Partial<HcpFields>; refs: HcpRefs } {
  const fields: Partial<HcpFields> = {};
  if (input.firstName !== undefined) fields.firstName = requiredText(input.firstName, 'firstName');
  if (input.lastName !== undefined) fields.lastName = requiredText(input.lastName, 'lastName');
  if (input.specialty !== undefined) fields.specialty = optionalText(input.specialty, 'specialty');
  if (input.email !== undefined) fields.email = optionalEmail(input.email);
  if (input.preferredChannel !== undefined) fields.preferredChannel = input.preferredChannel;
  const refs: HcpRefs = {};
  if (input.institutionId !== undefined)
    refs.institutionId = input.institutionId === null ? null : refId(input.institutionId, 'institutionId');
  if (input.territoryId !== undefined) refs.territoryId = input.territoryId === null ? null : refId(input.territoryId, 'territoryId');
  if (input.therapeuticAreaIds !== undefined) refs.therapeuticAreaIds = idList(input.therapeuticAreaIds ?? [], 'therapeuticAreaIds');
  if (Object.keys(fields).length === 0 && Object.keys(refs).length === 0) throw new ValidationError('input', 'names no field to change');
  return { fields, refs };
}
