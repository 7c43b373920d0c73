import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';
import type { UnitViews } from '../../services/unit-views.ts';
import { errorResponse } from '../errors.ts';

const unitParameters = z.object({ name: z.string().trim().min(1, 'a unit name is required').max(100, 'unit names are at most 100 characters') });

/** The responsible units and the clauses each leads or shares, per document. */
export function unitRoutes(units: () => UnitViews) {
  return new Hono()
    .get('/', (context) => context.json({ units: units().list() }))
    .get(
      '/:name',
      zValidator('param', unitParameters, (result, context) => {
        if (!result.success) return errorResponse(context, 400, 'invalid_unit_name', result.error.issues[0]?.message ?? 'invalid unit name');
      }),
      (context) => {
        const { name } = context.req.valid('param');
        const found = units().find(name);
        if (found.length === 0) return errorResponse(context, 404, 'unit_not_found', `No responsible unit is called "${name}". GET /api/units lists them.`);
        return context.json({ query: name, units: found });
      },
    );
}
