import express, { type Request, type Response, type Router } from 'express';
import type { DataSource } from 'typeorm';
import { checkActor, type Json } from '../statements/statement-validation';
import { XapiError } from '../statements/xapi-error';
import { mergeDefinitions } from '../statements/activity-definition';

const IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
/** How many of the newest statements naming an activity its definition is built from. */
const DEFINITION_SOURCES = 200;

/**
 * GET /activities (the definitions seen for an activity, merged) and GET /agents (a Person
 * object). We do not merge identities yet, so a Person holds only the agent asked about.
 */
export function profilesRouter(db: DataSource): Router {
  const router = express.Router();

  router.get('/activities', async (req: Request, res: Response) => {
    const id = req.query['activityId'];
    if (typeof id !== 'string' || !IRI.test(id)) throw new XapiError(400, 'activityId must be an absolute IRI');
    // The newest statements naming the activity (any usage), merged oldest first.
    const rows = (await db.query(
      `select s.statement from xapi_statement s
       where s.id in (select c.statement_pk from xapi_statement_activity c where c.activity_iri = $1)
       order by s.stored desc, s.id desc limit ${DEFINITION_SOURCES}`,
      [id],
    )) as { statement: Json }[];
    const definition = mergeDefinitions(rows.map((r) => r.statement).reverse(), id);
    res.json({ objectType: 'Activity', id, ...(definition ? { definition } : {}) });
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
