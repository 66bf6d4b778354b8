import type { Json } from './statement-validation';

/** Link rows a statement yields for the filters (see the link-table entities for the usages). */
export interface StatementLinks {
  readonly agents: { ifi: string; usage: string }[];
  readonly activities: { iri: string; usage: string }[];
  readonly refs: string[];
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The agent's inverse functional identifier as one comparable string, or undefined (anonymous group). */
export function ifiOf(agent: Json): string | undefined {
  if (typeof agent['mbox'] === 'string') return `mbox:${agent['mbox'].toLowerCase()}`;
  if (typeof agent['mbox_sha1sum'] === 'string') return `mbox_sha1sum:${agent['mbox_sha1sum'].toLowerCase()}`;
  if (typeof agent['openid'] === 'string') return `openid:${agent['openid']}`;
  const account = agent['account'];
  if (isObject(account)) return `account:${String(account['homePage'])}|${String(account['name'])}`;
  return undefined;
}

function addActor(links: StatementLinks, actor: unknown, usage: string): void {
  if (!isObject(actor)) return;
  const ifi = ifiOf(actor);
  if (ifi) links.agents.push({ ifi, usage });
  // Groups match the agent filter through their members too (Data §2.4.2.2).
  if (Array.isArray(actor['member'])) for (const m of actor['member']) if (isObject(m)) addActor(links, m, usage);
}

function addBody(links: StatementLinks, s: Json, inSub: boolean): void {
  addActor(links, s['actor'], inSub ? 'sub' : 'actor');
  const object = s['object'];
  if (isObject(object)) {
    const type = object['objectType'] ?? 'Activity';
    if (type === 'Activity') links.activities.push({ iri: String(object['id']), usage: inSub ? 'sub' : 'object' });
    else if (type === 'Agent' || type === 'Group') addActor(links, object, inSub ? 'sub' : 'object');
    else if (type === 'StatementRef' && !inSub) links.refs.push(String(object['id']));
    else if (type === 'SubStatement') addBody(links, object, true);
  }
  const context = s['context'];
  if (isObject(context)) {
    addActor(links, context['instructor'], inSub ? 'sub' : 'instructor');
    addActor(links, context['team'], inSub ? 'sub' : 'team');
    const ca = context['contextActivities'];
    if (isObject(ca)) {
      for (const [kind, list] of Object.entries(ca)) {
        for (const a of Array.isArray(list) ? list : [list]) if (isObject(a)) links.activities.push({ iri: String(a['id']), usage: inSub ? 'sub' : kind });
      }
    }
  }
}

export function linksOf(statement: Json): StatementLinks {
  const links: StatementLinks = { agents: [], activities: [], refs: [] };
  addBody(links, statement, false);
  addActor(links, statement['authority'], 'authority');
  // Primary keys are (statement, value, usage): drop repeats.
  const agents = new Map(links.agents.map((a) => [`${a.usage}\u0000${a.ifi}`, a]));
  const activities = new Map(links.activities.map((a) => [`${a.usage}\u0000${a.iri}`, a]));
  return { agents: [...agents.values()], activities: [...activities.values()], refs: [...new Set(links.refs)] };
}
