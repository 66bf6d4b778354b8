import { district12, type FileFixture } from './fixtures';

/** Two profiles, both sent with a password (which is never stored), one of them named by a role. */
export const PROFILES: FileFixture = {
  mode: 'bulk',
  extra: ['metadata.sso'],
  rows: [
    { sourcedId: 'p1', userSourcedId: 'u1', profileType: 'lms', vendorId: 'acme', applicationId: 'acme-lms', description: 'Ada at Acme, "main"', credentialType: 'password', username: 'ada.acme', password: 'hunter2-ada', 'metadata.sso': 'yes' },
    { sourcedId: 'p2', userSourcedId: 't9', profileType: 'reader', vendorId: 'books', credentialType: 'sso', username: 'grace@books', password: 'hunter2-grace' },
  ],
};

/** The small 1.2 district with userProfiles.csv, and u1's role using profile p1. */
export function districtWithProfiles(profiles: FileFixture = PROFILES): string {
  return district12({
    userProfiles: profiles,
    roles: {
      mode: 'bulk',
      rows: [
        { sourcedId: 'r1', userSourcedId: 'u1', roleType: 'primary', role: 'student', orgSourcedId: 's1', userProfileSourcedId: 'p1' },
        { sourcedId: 'r2', userSourcedId: 'u2', roleType: 'primary', role: 'student', orgSourcedId: 's1' },
        { sourcedId: 'r3', userSourcedId: 't9', roleType: 'primary', role: 'teacher', orgSourcedId: 's1' },
        { sourcedId: 'r4', userSourcedId: 't9', roleType: 'secondary', role: 'teacher', orgSourcedId: 's2' },
        { sourcedId: 'r5', userSourcedId: 'u4', roleType: 'primary', role: 'parent', orgSourcedId: 's1' },
      ],
    },
  });
}
