import express, { type Request, type Response, type Router } from 'express';
import type { DataSource } from 'typeorm';
import { checkActor, type Json } from '../statements/statement-validation';
import { XapiError } from '../statements/xapi-error';

const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;

/**
 * GET /activities (the newest definition seen for an activity) and GET /agents (a Person
 * object). We do not merge identities yet, so a Person holds only the agent asked about.
 */
export function profilesRouter(db: DataSource): Router {
  const router = express.Router();

  router.get('/activities', async (req: Request, res: Response) => {
    const id = req.query['activityId'];
    if (typeof id !== 'string' || !IRI.test(id)) throw new XapiError(400, 'activityId must be an absolute IRI');
    const rows = (await db.query(
      `select s.statement->'object'->'definition' as definition from xapi_statement s
       join xapi_statement_activity c on c.statement_pk = s.id and c.activity_iri = $1 and c.usage = 'object'
       where s.statement->'object' ? 'definition' order by s.stored desc, s.id desc limit 1`,
      [id],
    )) as { definition: Json }[];
    res.json({ objectType: 'Activity', id, ...(rows[0] ? { definition: rows[0].definition } : {}) });
  });

  router.get('/agents', (req: Request, res: Response) => {
    let agent: unknown;
    try {
      agent = JSON.parse(typeof req.query['agent'] === 'string' ? req.query['agent'] : '');
    } catch {
      throw new XapiError(400, 'agent must be an Agent as JSON');
    }
    checkActor(agent, 'agent');
    const person: Json = { objectType: 'Person' };
    for (const key of ['name', 'mbox', 'mbox_sha1sum', 'openid', 'account']) {
      const value = (agent as Json)[key];
      if (value !== undefined) person[key] = [value];
    }
    res.json(person);
  });

  return router;
}
