/** The OneRoster CSV bindings we read. 1.0 packages (no manifest) are recognised only to be refused. */
export type OneRosterVersion = '1.1' | '1.2';

/** Every `file.*` a manifest of each version must declare (absent, bulk or delta). */
export const MANIFEST_FILES: Readonly<Record<OneRosterVersion, readonly string[]>> = {
  '1.1': [
    'academicSessions',
    'categories',
    'classes',
    'classResources',
    'courses',
    'courseResources',
    'demographics',
    'enrollments',
    'lineItems',
    'orgs',
    'resources',
    'results',
    'users',
  ],
  '1.2': [
    'academicSessions',
    'categories',
    'classes',
    'classResources',
    'courses',
    'courseResources',
    'demographics',
    'enrollments',
    'lineItemLearningObjectiveIds',
    'lineItems',
    'lineItemScoreScales',
    'orgs',
    'resources',
    'resultLearningObjectiveIds',
    'results',
    'resultScoreScales',
    'roles',
    'scoreScales',
    'userProfiles',
    'userResources',
    'users',
  ],
};

/** The rostering files learngraph imports, in the order their references need (parents first). */
export const ROSTER_FILES = [
  'academicSessions',
  'orgs',
  'courses',
  'classes',
  'users',
  'userProfiles',
  'roles',
  'demographics',
  'enrollments',
] as const;

export type RosterFile = (typeof ROSTER_FILES)[number];

export const isRosterFile = (name: string): name is RosterFile => (ROSTER_FILES as readonly string[]).includes(name);
