import type { RosterFactory } from '../factories/roster.factory';

/**
 * A small, fully named roster to filter and traverse:
 *
 *   North (district) ─┬─ Hill School ── Hill Maths (department)
 *                     └─ Vale School
 *   South (district) ─── Bay School
 *
 * Year 2025-26 has terms Autumn and Spring; year 2024-25 has none. Courses: Algebra (Hill,
 * 2025-26, grade 09), English (Vale, 2024-25, grade 10), Biology (Bay). Classes: Algebra A
 * (Hill, Autumn), Algebra Homeroom (Hill, Spring), English 1 (Vale, Autumn + Spring), Biology 1
 * (Bay). People: Ada (student at Hill), Alan (teacher at Hill, also administrator there),
 * Grace (teacher at Vale), Edsger (student at Bay, login disabled), a deleted user, and Bob from
 * another system. Anne is Ada's parent.
 */
export async function buildDistrict(f: RosterFactory) {
  const [north, south] = await f.orgs(2, (i) => ({ name: ['North', 'South'][i], type: 'district', sourcedId: ['D-N', 'D-S'][i] }));
  const hill = await f.org({ name: 'Hill School', type: 'school', parentId: north!.id, identifier: 'HS-1', sourcedId: 'S-HILL' });
  const vale = await f.org({ name: 'Vale School', type: 'school', parentId: north!.id, sourcedId: 'S-VALE' });
  const bay = await f.org({ name: 'Bay School', type: 'school', parentId: south!.id, sourcedId: 'S-BAY' });
  const hillMaths = await f.org({ name: 'Hill Maths', type: 'department', parentId: hill.id });

  const year = await f.session({ title: '2025-26', type: 'schoolYear', startDate: '2025-08-01', endDate: '2026-07-31', schoolYear: 2026 });
  const lastYear = await f.session({ title: '2024-25', type: 'schoolYear', startDate: '2024-08-01', endDate: '2025-07-31', schoolYear: 2025 });
  const autumn = await f.session({ title: 'Autumn', type: 'term', startDate: '2025-09-01', endDate: '2025-12-19', schoolYear: 2026, parentId: year.id });
  const spring = await f.session({ title: 'Spring', type: 'term', startDate: '2026-01-05', endDate: '2026-06-30', schoolYear: 2026, parentId: year.id });

  const algebra = await f.course({ title: 'Algebra', courseCode: 'MATH1', orgId: hill.id, schoolYearId: year.id, grades: ['09'] });
  const english = await f.course({ title: 'English', courseCode: 'ENG1', orgId: vale.id, schoolYearId: lastYear.id, grades: ['10'] });
  const biology = await f.course({ title: 'Biology', orgId: bay.id });

  const algebraA = await f.class({ title: 'Algebra A', classCode: 'ALG-A', courseId: algebra.id, schoolId: hill.id });
  const homeroom = await f.class({ title: 'Algebra Homeroom', classType: 'homeroom', courseId: algebra.id, schoolId: hill.id });
  const english1 = await f.class({ title: 'English 1', courseId: english.id, schoolId: vale.id });
  const biology1 = await f.class({ title: 'Biology 1', courseId: biology.id, schoolId: bay.id });
  await f.classTerms([
    { classId: algebraA.id, sessionId: autumn.id },
    { classId: homeroom.id, sessionId: spring.id },
    { classId: english1.id, sessionId: autumn.id },
    { classId: english1.id, sessionId: spring.id },
  ]);

  const ada = await f.user({ sourcedId: 'ADA-1', givenName: 'Ada', familyName: 'Lovelace', email: 'Ada@Example.org', grades: ['09'], primaryOrgId: hill.id });
  const alan = await f.user({ givenName: 'Alan', familyName: 'Turing', username: 'aturing', identifier: 'T-100' });
  const grace = await f.user({ givenName: 'Grace', familyName: 'Hopper', preferredGivenName: 'Amazing' });
  const edsger = await f.user({ givenName: 'Edsger', familyName: 'Dijkstra', enabledUser: false });
  const gone = await f.user({ givenName: 'Gone', familyName: 'Away', status: 'tobedeleted', deletedAt: new Date('2025-10-01T00:00:00Z') });
  const anne = await f.user({ givenName: 'Anne', familyName: 'Lovelace' });
  const bob = await f.user({ givenName: 'Bob', familyName: 'Other', system: 'other-sis', sourcedId: 'ada-1' });

  await f.roles([
    { userId: ada.id, orgId: hill.id, role: 'student' },
    { userId: alan.id, orgId: hill.id, role: 'teacher' },
    { userId: alan.id, orgId: hill.id, role: 'administrator', roleType: 'secondary', sourcedId: null },
    { userId: grace.id, orgId: vale.id, role: 'teacher' },
    { userId: edsger.id, orgId: bay.id, role: 'student' },
    { userId: gone.id, orgId: hill.id, role: 'student' },
    { userId: anne.id, orgId: hill.id, role: 'parent', deletedAt: new Date() },
  ]);
  await f.agents([{ userId: ada.id, agentUserId: anne.id, relationship: 'parent' }]);
  await f.identifiers([
    { userId: ada.id, kind: 'email', value: 'Ada@Example.org' },
    { userId: ada.id, kind: 'userId', namespace: 'LDAP', value: 'ada' },
  ]);
  await f.demographics({ userId: ada.id, sourcedId: ada.sourcedId, birthDate: '2010-12-10', sex: 'female' });

  const e = await f.enrollments(8, (i) => [
    { userId: ada.id, classId: algebraA.id, schoolId: hill.id, beginDate: '2025-09-01', endDate: '2025-12-19' },
    { userId: ada.id, classId: english1.id, schoolId: vale.id, beginDate: '2026-01-05' },
    { userId: alan.id, classId: algebraA.id, schoolId: hill.id, role: 'teacher', primary: true },
    { userId: alan.id, classId: homeroom.id, schoolId: hill.id, role: 'teacher' },
    { userId: grace.id, classId: english1.id, schoolId: vale.id, role: 'teacher', primary: true },
    { userId: edsger.id, classId: biology1.id, schoolId: bay.id },
    { userId: ada.id, classId: homeroom.id, schoolId: hill.id, deletedAt: new Date(), status: 'tobedeleted' },
    { userId: ada.id, classId: algebraA.id, schoolId: hill.id, beginDate: '2024-09-01', endDate: '2025-06-30' },
  ][i]!);

  return {
    orgs: { north: north!, south: south!, hill, vale, bay, hillMaths },
    sessions: { year, lastYear, autumn, spring },
    courses: { algebra, english, biology },
    classes: { algebraA, homeroom, english1, biology1 },
    users: { ada, alan, grace, edsger, gone, anne, bob },
    enrollments: {
      adaAlgebra: e[0]!,
      adaEnglish: e[1]!,
      alanAlgebra: e[2]!,
      alanHomeroom: e[3]!,
      graceEnglish: e[4]!,
      edsgerBiology: e[5]!,
      adaHomeroomDeleted: e[6]!,
      adaAlgebraLastYear: e[7]!,
    },
  };
}

export type District = Awaited<ReturnType<typeof buildDistrict>>;
