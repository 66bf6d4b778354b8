import { checkIri, checkKeys, checkString, fail, isIri, isMbox, isObject } from './primitives';

/** Agents, Groups and authorities (Data §2.4.2, §2.4.9). */
const IFI_KEYS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const AGENT_KEYS = new Set(['objectType', 'name', ...IFI_KEYS]);
const GROUP_KEYS = new Set([...AGENT_KEYS, 'member']);
const ACCOUNT_KEYS = new Set(['homePage', 'name']);

function checkIfis(v: Record<string, unknown>, path: string): number {
  const ifis = IFI_KEYS.filter((k) => v[k] !== undefined);
  if (v['mbox'] !== undefined && !isMbox(v['mbox'])) fail(`${path}.mbox`, 'must be a mailto: IRI holding one email address');
  if (v['mbox_sha1sum'] !== undefined && (typeof v['mbox_sha1sum'] !== 'string' || !/^[0-9a-f]{40}$/i.test(v['mbox_sha1sum']))) {
    fail(`${path}.mbox_sha1sum`, 'must be the hex SHA-1 of a mailto: IRI');
  }
  if (v['openid'] !== undefined) checkIri(v['openid'], `${path}.openid`);
  if (v['account'] !== undefined) {
    const account = v['account'];
    if (!isObject(account)) return fail(`${path}.account`, 'must be an object with homePage and name');
    checkKeys(account, ACCOUNT_KEYS, `${path}.account`, 'an account');
    if (!isIri(account['homePage'])) fail(`${path}.account.homePage`, 'must be an IRL');
    checkString(account['name'], `${path}.account.name`);
  }
  if (v['name'] !== undefined) checkString(v['name'], `${path}.name`);
  return ifis.length;
}

export function checkAgent(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be an Agent object');
  if (v['objectType'] !== undefined && v['objectType'] !== 'Agent') fail(`${path}.objectType`, 'must be "Agent"');
  checkKeys(v, AGENT_KEYS, path, 'an Agent');
  if (checkIfis(v, path) !== 1) fail(path, 'an Agent needs exactly one of mbox, mbox_sha1sum, openid, account');
}

export function checkGroup(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be a Group object');
  if (v['objectType'] !== 'Group') fail(`${path}.objectType`, 'must be "Group"');
  checkKeys(v, GROUP_KEYS, path, 'a Group');
  const ifis = checkIfis(v, path);
  if (ifis > 1) fail(path, 'a Group has at most one of mbox, mbox_sha1sum, openid, account');
  const member = v['member'];
  if (member === undefined) {
    if (ifis === 0) fail(`${path}.member`, 'an anonymous Group needs members');
    return;
  }
  if (!Array.isArray(member)) return fail(`${path}.member`, 'must be an array of Agents');
  if (ifis === 0 && member.length === 0) fail(`${path}.member`, 'an anonymous Group needs members');
  member.forEach((m: unknown, i) => checkAgent(m, `${path}.member[${i}]`));
}

/** An Agent or Group; `objectType` is optional for Agents only. */
export function checkActor(v: unknown, path: string): void {
  if (!isObject(v)) return fail(path, 'must be an Agent or Group object');
  if (v['objectType'] === 'Group') checkGroup(v, path);
  else if (v['objectType'] === undefined || v['objectType'] === 'Agent') checkAgent(v, path);
  else fail(`${path}.objectType`, 'must be "Agent" or "Group"');
}

/** An authority is an Agent, or (three-legged OAuth) an anonymous Group of exactly two Agents. */
export function checkAuthority(v: unknown, path: string): void {
  checkActor(v, path);
  const group = v as Record<string, unknown>;
  if (group['objectType'] !== 'Group') return;
  if (IFI_KEYS.some((k) => group[k] !== undefined)) fail(path, 'an authority Group must be anonymous');
  if (!Array.isArray(group['member']) || group['member'].length !== 2) fail(`${path}.member`, 'an authority Group has exactly two Agents');
}
