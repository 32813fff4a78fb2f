import { ValidationError } from '../../errors';
import { newId, optionalText, refId, requiredText } from '../common/validate';
import { CreateInstitutionInput, UpdateInstitutionInput } from './institution.input';
import { InstitutionFields } from './institution.writes';

export function checkCreateInstitution(input: CreateInstitutionInput): {
  id: string;
  fields: InstitutionFields;
  territoryId: string | null;
} {
  return {
    id: newId('inst', input.id),
    fields: {
      name: requiredText(input.name, 'name'),
      type: optionalText(input.type, 'type'),
      city: optionalText(input.city, 'city'),
      country: optionalText(input.country, 'country'),
    },
    territoryId: input.territoryId ? refId(input.territoryId, 'territoryId') : null,
  };
}

/** `territoryId` undefined = unchanged, null = none. */
export function checkUpdateInstitution(input: UpdateInstitutionInput): { fields: Partial<InstitutionFields>; territoryId?: string | null } {
  const fields: Partial<InstitutionFields> = {};
  if (input.name !== undefined) fields.name = requiredText(input.name, 'name');
  if (input.type !== undefined) fields.type = optionalText(input.type, 'type');
  if (input.city !== undefined) fields.city = optionalText(input.city, 'city');
  if (input.country !== undefined) fields.country = optionalText(input.country, 'country');
  const territory =
    input.territoryId === undefined ? {} : { territoryId: input.territoryId === null ? null : refId(input.territoryId, 'territoryId') };
  if (Object.keys(fields).length === 0 && input.territoryId === undefined) throw new ValidationError('input', 'names no field to change');
  return { fields, ...territory };
}
