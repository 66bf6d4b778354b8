/**
 * IMS Enterprise 1.1 role types (`<role roletype="01">`), as Moodle's `imsenterprise_roles`
 * lists them. Files use the two-digit code; some send the name instead, which Moodle's
 * mapping also accepts.
 */
export const IMS_ROLE_TYPES = {
  '01': 'Learner',
  '02': 'Instructor',
  '03': 'Content Developer',
  '04': 'Member',
  '05': 'Manager',
  '06': 'Mentor',
  '07': 'Administrator',
  '08': 'TeachingAssistant',
} as const;

export type ImsRoleCode = keyof typeof IMS_ROLE_TYPES;

const BY_NAME = new Map(Object.entries(IMS_ROLE_TYPES).map(([code, name]) => [squash(name), code]));

function squash(value: string): string {
  return value.replace(/[\s_-]/g, '').toLowerCase();
}

/**
 * The role type as the map keys it: `01`..`08` for the standard ones, whether the file wrote
 * `01`, `1` or `Learner`; anything else as written (trimmed), so a custom map can name it.
 */
export function normalizeRoleType(raw: string): string {
  const value = raw.trim();
  if (/^\d$/.test(value)) return `0${value}`;
  if (/^\d\d$/.test(value)) return value;
  return BY_NAME.get(squash(value)) ?? value;
}
