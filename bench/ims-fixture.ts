import { once } from 'node:events';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import path from 'node:path';

export interface RosterSize {
  readonly persons: number;
  readonly groups: number;
  readonly members: number;
}

/** Writes through a buffer, waiting for the stream to drain: memory stays flat for any size. */
class Writer {
  private buffer = '';
  constructor(private readonly out: WriteStream) {}
  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length < 1 << 20) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
  async end(): Promise<void> {
    this.out.end(this.buffer);
    await once(this.out, 'finish');
  }
}

const memberOf = (size: RosterSize, group: number, k: number, perGroup: number): number => (group * perGroup + k * 7919) % size.persons;

/**
 * An IMS Enterprise file as a SIS exports it nightly: persons, then groups, then one
 * membership per group with its members (one Instructor, the rest Learners with restricted
 * dates, some in cohorts).
 */
export async function writeImsFile(file: string, size: RosterSize): Promise<void> {
  const w = new Writer(createWriteStream(file));
  await w.write('<?xml version="1.0" encoding="UTF-8"?>\n<enterprise>\n  <properties lang="EN"><datasource>bench SIS</datasource><target>moodle</target></properties>\n');
  for (let i = 0; i < size.persons; i++) {
    await w.write(
      `  <person recstatus="1">\n    <sourcedid><source>SIS</source><id>P${i}</id></sourcedid>\n    <userid>user${i}</userid>\n` +
        `    <name><fn>Given${i} Family${i}</fn><n><family>Family${i}</family><given>Given${i}</given></n></name>\n` +
        `    <email>user${i}@example.org</email>\n  </person>\n`,
    );
  }
  for (let g = 0; g < size.groups; g++) {
    await w.write(
      `  <group>\n    <sourcedid><source>SIS</source><id>G${g}</id></sourcedid>\n` +
        `    <description><short>Course ${g}</short><long>Course ${g} &amp; friends</long></description>\n    <org><orgunit>2025FA</orgunit></org>\n  </group>\n`,
    );
  }
  const perGroup = Math.ceil(size.members / size.groups);
  let written = 0;
  for (let g = 0; g < size.groups; g++) {
    await w.write(`  <membership>\n    <sourcedid><source>SIS</source><id>G${g}</id></sourcedid>\n`);
    for (let k = 0; k < perGroup && written < size.members; k++, written++) {
      const role = k === 0 ? '02' : '01';
      const cohort = k % 10 === 1 ? `<extension><cohort>team ${k % 3}</cohort></extension>` : '';
      await w.write(
        `    <member><sourcedid><source>SIS</source><id>P${memberOf(size, g, k, perGroup)}</id></sourcedid><idtype>1</idtype>` +
          `<role roletype="${role}"><status>1</status><timeframe><begin restrict="1">2025-09-01</begin><end restrict="1">2026-06-30</end></timeframe>${cohort}</role></member>\n`,
      );
    }
    await w.write('  </membership>\n');
  }
  await w.write('</enterprise>\n');
  await w.end();
}

/** The same roster as a OneRoster 1.1 bulk package (one school, one term), for comparison. */
export async function writeOneRosterFolder(dir: string, size: RosterSize): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const csv = async (name: string, header: string, rows: (w: Writer) => Promise<void>): Promise<void> => {
    const w = new Writer(createWriteStream(path.join(dir, name)));
    await w.write(`${header}\n`);
    await rows(w);
    await w.end();
  };
  await csv('manifest.csv', 'propertyName,value', async (w) => {
    for (const line of ['manifest.version,1', 'oneroster.version,1.1', 'file.academicSessions,bulk', 'file.orgs,bulk', 'file.courses,bulk', 'file.classes,bulk', 'file.users,bulk', 'file.enrollments,bulk'])
      await w.write(`${line}\n`);
    for (const absent of ['demographics', 'resources', 'classResources', 'courseResources', 'categories', 'lineItems', 'results']) await w.write(`file.${absent},absent\n`);
  });
  await csv('orgs.csv', 'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId', async (w) => w.write('S1,,,Bench School,school,,\n'));
  await csv('academicSessions.csv', 'sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear', async (w) =>
    w.write('T1,,,2025 Fall,term,2025-09-01,2026-06-30,,2026\n'),
  );
  await csv('courses.csv', 'sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects,subjectCodes', async (w) => {
    for (let g = 0; g < size.groups; g++) await w.write(`C${g},,,,Course ${g},G${g},,S1,,\n`);
  });
  await csv('classes.csv', 'sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods', async (w) => {
    for (let g = 0; g < size.groups; g++) await w.write(`G${g},,,Course ${g},,C${g},G${g},scheduled,,S1,T1,,,\n`);
  });
  await csv('users.csv', 'sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password', async (w) => {
    for (let i = 0; i < size.persons; i++) await w.write(`P${i},,,true,S1,student,user${i},,Given${i},Family${i},,,user${i}@example.org,,,,,\n`);
  });
  const perGroup = Math.ceil(size.members / size.groups);
  await csv('enrollments.csv', 'sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate', async (w) => {
    let written = 0;
    for (let g = 0; g < size.groups; g++) {
      for (let k = 0; k < perGroup && written < size.members; k++, written++) {
        await w.write(`E${g}-${k},,,G${g},S1,P${memberOf(size, g, k, perGroup)},${k === 0 ? 'teacher' : 'student'},,2025-09-01,2026-06-30\n`);
      }
    }
  });
}
