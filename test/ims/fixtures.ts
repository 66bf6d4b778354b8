/**
 * Small IMS Enterprise documents built in code, one concern each: a test says only what its
 * case is about (a recstatus, an option) and everything else is the plainest valid value.
 */
export interface PersonSpec {
  readonly recstatus?: string;
  readonly userid?: string | null;
  readonly given?: string;
  readonly family?: string;
  readonly email?: string | null;
}

export function person(id: string, spec: PersonSpec = {}): string {
  const attr = spec.recstatus ? ` recstatus="${spec.recstatus}"` : '';
  const userid = spec.userid === null ? '' : `<userid>${spec.userid ?? `u-${id}`}</userid>`;
  const email = spec.email === null ? '' : `<email>${spec.email ?? `${id}@example.org`}</email>`;
  return `<person${attr}><sourcedid><source>SIS</source><id>${id}</id></sourcedid>${userid}<name><fn>${spec.given ?? 'Ada'} ${spec.family ?? 'Lovelace'}</fn><n><family>${spec.family ?? 'Lovelace'}</family><given>${spec.given ?? 'Ada'}</given></n></name>${email}</person>`;
}

export interface GroupSpec {
  readonly recstatus?: string;
  readonly short?: string;
  readonly long?: string;
  readonly full?: string;
}

export function group(id: string, spec: GroupSpec = {}): string {
  const attr = spec.recstatus ? ` recstatus="${spec.recstatus}"` : '';
  const d = [spec.short ?? `Course ${id}`].map((s) => `<short>${s}</short>`).join('') + (spec.long ? `<long>${spec.long}</long>` : '') + (spec.full ? `<full>${spec.full}</full>` : '');
  return `<group${attr}><sourcedid><source>SIS</source><id>${id}</id></sourcedid><description>${d}</description></group>`;
}

export interface RoleSpec {
  readonly roletype?: string;
  readonly recstatus?: string;
  readonly status?: string | null;
  readonly begin?: string;
  readonly end?: string;
  readonly restrict?: boolean;
  readonly cohort?: string;
}

export function role(spec: RoleSpec = {}): string {
  const attrs = `${spec.roletype === '' ? '' : ` roletype="${spec.roletype ?? '01'}"`}${spec.recstatus ? ` recstatus="${spec.recstatus}"` : ''}`;
  const status = spec.status === null ? '' : `<status>${spec.status ?? '1'}</status>`;
  const restrict = spec.restrict === false ? '' : ' restrict="1"';
  const timeframe =
    spec.begin || spec.end
      ? `<timeframe>${spec.begin ? `<begin${restrict}>${spec.begin}</begin>` : ''}${spec.end ? `<end${restrict}>${spec.end}</end>` : ''}</timeframe>`
      : '';
  const cohort = spec.cohort ? `<extension><cohort>${spec.cohort}</cohort></extension>` : '';
  return `<role${attrs}>${status}${timeframe}${cohort}</role>`;
}

export function member(personId: string, ...roles: string[]): string {
  return `<member><sourcedid><source>SIS</source><id>${personId}</id></sourcedid><idtype>1</idtype>${(roles.length ? roles : [role()]).join('')}</member>`;
}

export function membership(groupId: string, ...members: string[]): string {
  return `<membership><sourcedid><source>SIS</source><id>${groupId}</id></sourcedid>${members.join('')}</membership>`;
}

/** A whole document: one element per line, so issues name distinct lines. */
export function ims(...elements: string[]): string {
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<enterprise>', '<properties><datasource>test SIS</datasource><target>moodle</target></properties>', ...elements, '</enterprise>', ''].join('\n');
}
