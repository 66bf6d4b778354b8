import { randomBytes } from 'node:crypto';
import type { DataSource, ObjectLiteral } from 'typeorm';
import { AcademicSessionEntity } from '../../src/roster/academic-session/academic-session.entity';
import { AgentEntity } from '../../src/roster/agent/agent.entity';
import { ClassTermEntity } from '../../src/roster/class/class-term.entity';
import { RosterClassEntity } from '../../src/roster/class/class.entity';
import { CourseEntity } from '../../src/roster/course/course.entity';
import { DemographicsEntity } from '../../src/roster/demographics/demographics.entity';
import { EnrollmentEntity } from '../../src/roster/enrollment/enrollment.entity';
import { OrgEntity } from '../../src/roster/org/org.entity';
import { RoleEntity } from '../../src/roster/role/role.entity';
import { UserIdentifierEntity } from '../../src/roster/user-identifier/user-identifier.entity';
import { UserEntity } from '../../src/roster/user/user.entity';

/** What a test may set; everything else gets a default. Relations are set by id. */
type Seed<E> = Partial<Omit<E, 'id' | 'createdAt' | 'updatedAt'>>;

/** Rows per INSERT: 1,000 rows of ~25 columns stay well under Postgres's 65,535 parameters. */
const CHUNK = 1_000;

/**
 * Inserts roster rows straight through the DataSource (no GraphQL, no importer), quickly and in
 * bulk: `f.users(500, (i) => ({ familyName: 'F' + i }))` is one statement. Required references
 * default to one school, course and class made on first need, so a test only names what it
 * cares about. SourcedIds are unique across factories.
 */
export class RosterFactory {
  private seq = 0;
  /** Keeps sourcedIds unique when two factories write to one system. */
  private readonly tag = randomBytes(3).toString('hex');
  private defaults: { school?: Promise<OrgEntity>; course?: Promise<CourseEntity>; class?: Promise<RosterClassEntity> } = {};

  constructor(
    private readonly db: DataSource,
    readonly system = 'test-sis',
  ) {}

  /** A unique sourcedId with a readable prefix. */
  sourcedId(prefix: string): string {
    this.seq += 1;
    return `${prefix}-${this.tag}-${this.seq}`;
  }

  async org(seed: Seed<OrgEntity> = {}): Promise<OrgEntity> {
    return one(await this.orgs(1, () => seed));
  }

  orgs(count: number, seed: (i: number) => Seed<OrgEntity> = () => ({})): Promise<OrgEntity[]> {
    return this.insert(OrgEntity, count, (i) => {
      const sourcedId = this.sourcedId('org');
      return { system: this.system, sourcedId, name: `Org ${sourcedId}`, type: 'school', ...seed(i) };
    });
  }

  async session(seed: Seed<AcademicSessionEntity> = {}): Promise<AcademicSessionEntity> {
    return one(await this.sessions(1, () => seed));
  }

  sessions(count: number, seed: (i: number) => Seed<AcademicSessionEntity> = () => ({})): Promise<AcademicSessionEntity[]> {
    return this.insert(AcademicSessionEntity, count, (i) => {
      const sourcedId = this.sourcedId('session');
      return {
        system: this.system,
        sourcedId,
        title: `Session ${sourcedId}`,
        type: 'term',
        startDate: '2025-09-01',
        endDate: '2026-06-30',
        schoolYear: 2026,
        ...seed(i),
      };
    });
  }

  async course(seed: Seed<CourseEntity> = {}): Promise<CourseEntity> {
    return one(await this.courses(1, () => seed));
  }

  async courses(count: number, seed: (i: number) => Seed<CourseEntity> = () => ({})): Promise<CourseEntity[]> {
    const seeds = Array.from({ length: count }, (_, i) => seed(i));
    const orgId = seeds.every((s) => s.orgId) ? '' : (await this.defaultSchool()).id;
    return this.insert(CourseEntity, count, (i) => {
      const sourcedId = this.sourcedId('course');
      return { system: this.system, sourcedId, title: `Course ${sourcedId}`, orgId, ...seeds[i] };
    });
  }

  async class(seed: Seed<RosterClassEntity> = {}): Promise<RosterClassEntity> {
    return one(await this.classes(1, () => seed));
  }

  async classes(count: number, seed: (i: number) => Seed<RosterClassEntity> = () => ({})): Promise<RosterClassEntity[]> {
    const seeds = Array.from({ length: count }, (_, i) => seed(i));
    const schoolId = seeds.every((s) => s.schoolId) ? '' : (await this.defaultSchool()).id;
    const courseId = seeds.every((s) => s.courseId) ? '' : (await this.defaultCourse()).id;
    return this.insert(RosterClassEntity, count, (i) => {
      const sourcedId = this.sourcedId('class');
      return { system: this.system, sourcedId, title: `Class ${sourcedId}`, classType: 'scheduled', schoolId, courseId, ...seeds[i] };
    });
  }

  async classTerms(links: readonly { classId: string; sessionId: string }[]): Promise<ClassTermEntity[]> {
    return this.insert(ClassTermEntity, links.length, (i) => ({ system: this.system, ...links[i] }));
  }

  async user(seed: Seed<UserEntity> = {}): Promise<UserEntity> {
    return one(await this.users(1, () => seed));
  }

  users(count: number, seed: (i: number) => Seed<UserEntity> = () => ({})): Promise<UserEntity[]> {
    return this.insert(UserEntity, count, (i) => {
      const sourcedId = this.sourcedId('user');
      return {
        system: this.system,
        sourcedId,
        username: sourcedId,
        givenName: `Given ${sourcedId}`,
        familyName: `Family ${sourcedId}`,
        ...seed(i),
      };
    });
  }

  identifiers(rows: readonly (Seed<UserIdentifierEntity> & { userId: string; kind: string; value: string })[]): Promise<UserIdentifierEntity[]> {
    return this.insert(UserIdentifierEntity, rows.length, (i) => {
      const row = rows[i] as (typeof rows)[number];
      const lower = row.kind === 'email' || row.kind === 'username';
      return { system: this.system, normalized: lower ? row.value.trim().toLowerCase() : row.value.trim(), ...row };
    });
  }

  roles(rows: readonly (Seed<RoleEntity> & { userId: string; orgId: string })[]): Promise<RoleEntity[]> {
    return this.insert(RoleEntity, rows.length, (i) => ({
      system: this.system,
      sourcedId: this.sourcedId('role'),
      roleType: 'primary',
      role: 'student',
      ...rows[i],
    }));
  }

  agents(rows: readonly (Seed<AgentEntity> & { userId: string; agentUserId: string })[]): Promise<AgentEntity[]> {
    return this.insert(AgentEntity, rows.length, (i) => ({ system: this.system, ...rows[i] }));
  }

  async enrollment(seed: Seed<EnrollmentEntity> & { userId: string }): Promise<EnrollmentEntity> {
    return one(await this.enrollments(1, () => seed));
  }

  async enrollments(
    count: number,
    seed: (i: number) => Seed<EnrollmentEntity> & { userId: string },
  ): Promise<EnrollmentEntity[]> {
    const seeds = Array.from({ length: count }, (_, i) => seed(i));
    const schoolId = seeds.every((s) => s.schoolId) ? '' : (await this.defaultSchool()).id;
    const classId = seeds.every((s) => s.classId) ? '' : (await this.defaultClass()).id;
    return this.insert(EnrollmentEntity, count, (i) => ({
      system: this.system,
      sourcedId: this.sourcedId('enrollment'),
      role: 'student',
      schoolId,
      classId,
      ...seeds[i],
    }));
  }

  async demographics(seed: Seed<DemographicsEntity> & { userId: string; sourcedId: string }): Promise<DemographicsEntity> {
    return one(await this.insert(DemographicsEntity, 1, () => ({ system: this.system, ...seed })));
  }

  /** The school that classes, courses and enrollments get when a test names none. */
  defaultSchool(): Promise<OrgEntity> {
    return (this.defaults.school ??= this.org({ name: 'Default School', type: 'school' }));
  }

  defaultCourse(): Promise<CourseEntity> {
    return (this.defaults.course ??= this.course({ title: 'Default Course' }));
  }

  defaultClass(): Promise<RosterClassEntity> {
    return (this.defaults.class ??= this.class({ title: 'Default Class' }));
  }

  private async insert<E extends ObjectLiteral & { id: string }>(
    entity: new () => E,
    count: number,
    build: (i: number) => Seed<E>,
  ): Promise<E[]> {
    const out: E[] = [];
    for (let start = 0; start < count; start += CHUNK) {
      const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, j) => build(start + j));
      const result = await this.db.getRepository(entity).insert(rows as never[]);
      rows.forEach((row, j) => out.push({ ...row, ...result.generatedMaps[j] } as unknown as E));
    }
    return out;
  }
}

function one<E>(rows: readonly E[]): E {
  const [row] = rows;
  if (!row) throw new Error('factory inserted nothing');
  return row;
}
