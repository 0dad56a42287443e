import { Hono } from 'hono';
import { StaffCreateSchema, StaffPatchSchema } from '../../../shared/api/api-inputs';
import { jsonResponse } from '../../json-response';
import type { StaffFields } from '../../store/staff-store';
import { noSuch, validationFailed } from '../api-errors';
import type { ApiDeps } from '../api-deps';
import type { ApiEnv } from '../api-env';
import { readJsonBody } from '../json-body';
import { staffJson } from '../json/staff-json';
import { paginated, readPage } from '../pagination';
import { readQuery } from '../query-params';
import { codeTaken, isTaken } from '../code-taken';

/**
 * Staff: `GET /staff` (search by `email`, `code`) and `GET /staff/:id` as the
 * seed documents them; `POST /staff` and `PATCH /staff/:id` are this proxy's
 * extensions, since the seed has no way to create staff and responses link
 * to staff by `code`.
 */
export function staff({ store, now }: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const find = (org: string, id: string) => (/^[1-9]\d{0,15}$/.test(id) ? store.staff.find(org, Number(id)) : Promise.resolve(undefined));

  app.post('/', async (c) => {
    const body = await readJsonBody(c, StaffCreateSchema, '/staff');
    if (!body.ok) return body.response;
    const v = body.value;
    const fields: StaffFields = {
      code: v.code,
      first_name: v.first_name,
      surname: v.surname ?? null,
      email: v.email ?? null,
      time_zone: v.time_zone ?? null,
      deactivated_at: v.deactivated_at ?? null,
      team_id: v.team_id ?? null,
    };
    const created = await store.staff.create(c.get('org'), fields, now());
    if (isTaken(created)) return codeTaken('/staff', created, 'code');
    return jsonResponse(staffJson(created), 201, { Location: new URL(`${c.req.url.replace(/\/$/, '')}/${created.id}`).href });
  });

  app.get('/', async (c) => {
    const url = new URL(c.req.url);
    const page = readPage(url, '/staff');
    const query = readQuery(url, '/staff');
    if (Array.isArray(page)) return validationFailed(page);
    const { rows, total } = await store.staff.list(c.get('org'), { email: query.text('email'), code: query.text('code') }, page);
    return paginated(url, rows.map(staffJson), total, page);
  });

  app.get('/:id', async (c) => {
    const member = await find(c.get('org'), c.req.param('id'));
    return member ? jsonResponse(staffJson(member)) : noSuch('staff member', c.req.param('id'));
  });

  app.patch('/:id', async (c) => {
    const org = c.get('org');
    const member = await find(org, c.req.param('id'));
    if (!member) return noSuch('staff member', c.req.param('id'));
    const resource = `/staff/${member.id}`;
    const body = await readJsonBody(c, StaffPatchSchema, resource);
    if (!body.ok) return body.response;
    const patch = Object.fromEntries(Object.entries(body.value).filter(([, v]) => v !== undefined)) as Partial<StaffFields>;
    const updated = await store.staff.update(org, member.id, patch, now());
    if (isTaken(updated)) return codeTaken(resource, updated, 'code');
    return jsonResponse(staffJson(updated));
  });
  return app;
}
