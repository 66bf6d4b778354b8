import type { ImsOptionsInput } from '../options/ims-options';
import type { ImsImportOptionsInput } from './ims.inputs';

/** The GraphQL options as the plain ImsOptions object jobs carry; unset fields keep their defaults. */
export function toImsOptions(input: ImsImportOptionsInput | null | undefined): ImsOptionsInput {
  if (!input) return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (value === null || value === undefined || key === 'roleMap' || key === 'courseMapping') continue;
    out[key] = value;
  }
  if (input.courseMapping) out['courseMapping'] = { ...input.courseMapping };
  if (input.roleMap) out['roleMap'] = Object.fromEntries(input.roleMap.map((m) => [m.roleType, m.role]));
  return out as ImsOptionsInput;
}
