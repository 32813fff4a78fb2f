import { ValidationError } from '../../errors';
import { idList, newId, optionalEmail, refId, requiredText } from '../common/validate';
import { CreateMslInput, UpdateMslInput } from './msl.input';
import { MslFields, MslRefs } from './msl.writes';

export function checkCreateMsl(input: CreateMslInput): { id: string; fields: MslFields; refs: MslRefs } {
  return {
    id: newId('msl', input.id),
    fields: {
      firstName: requiredText(input.firstName, 'firstName'),
      lastName: requiredText(input.lastName, 'lastName'),
      email: optionalEmail(input.email),
    },
    refs: {
      territoryId: input.territoryId ? refId(input.territoryId, 'territoryId') : null,
      therapeuticAreaIds: idList(input.therapeuticAreaIds ?? [], 'therapeuticAreaIds'),
    },
  };
}

export function checkUpdateMsl(input: UpdateMslInput): { fields: Partial<MslFields>; refs: MslRefs } {
  const fields: Partial<MslFields> = {};
  if (input.firstName !== undefined) fields.firstName = requiredText(input.firstName, 'firstName');
  if (input.lastName !== undefined) fields.lastName = requiredText(input.lastName, 'lastName');
  if (input.email !== undefined) fields.email = optionalEmail(input.email);
  const refs: MslRefs = {};
  if (input.territoryId !== undefined) refs.territoryId = input.territoryId === null ? null : refId(input.territoryId, 'territoryId');
  if (input.therapeuticAreaIds !== undefined) refs.therapeuticAreaIds = idList(input.therapeuticAreaIds ?? [], 'therapeuticAreaIds');
  if (Object.keys(fields).length === 0 && Object.keys(refs).length === 0) throw new ValidationError('input', 'names no field to change');
  return { fields, refs };
}
