import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnitViews, type UnitDetail, type UnitSummary } from '../services/unit-views.ts';
import { createChatFixture, type ChatFixture } from '../test-support/chat-fixture.ts';
import { createApp } from './app.ts';

describe('units API over the seeds in SQLite', () => {
  let fixture: ChatFixture;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string) => {
    const response = await app.request(path);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const find = async (name: string) => ((await get(`/api/units/${encodeURIComponent(name)}`)).body.units ?? []) as UnitDetail[];

  beforeAll(async () => {
    fixture = await createChatFixture('unit-api');
    const units = new UnitViews(fixture.catalog, (name) => fixture.analyzer.findUnits(name));
    app = createApp({ store: fixture.store, units: () => units });
  });
  afterAll(() => fixture.close());

  it('lists every unit with its clauses per document and role, exactly as the responsibility lists give them', async () => {
    const { status, body } = await get('/api/units');
    expect(status).toBe(200);
    const units = body.units as UnitSummary[];
    // Complete and exact: every (clause, unit) pair of the stored documents is counted once.
    const stored = fixture.store.listDocuments().flatMap((document) => fixture.store.getDocument(document.id)!.clauses.flatMap((clause) => clause.units.map((unit) => ({ document, unit }))));
    expect(units.reduce((sum, unit) => sum + unit.documents.reduce((count, each) => count + each.lead + each.co, 0), 0)).toBe(stored.length);
    expect(units.find((unit) => unit.id === 'tj:市商务局')).toMatchObject({ name: '市商务局', nameEn: 'Tianjin Municipal Commerce Bureau', documents: [{ docId: 'tj-2023-3', lead: 1, co: 5 }] });
  });

  it('finds a unit by any name staff use, each clause with its role', async () => {
    const byShortName = await find('工信局');
    expect(byShortName.map((unit) => unit.id).sort()).toEqual(['sw:市工业和信息化局', 'tj:市工业和信息化局']);
    const tianjin = byShortName.find((unit) => unit.id === 'tj:市工业和信息化局')!;
    expect(tianjin.documents[0]!.clauses.filter((clause) => clause.role === 'lead').map((clause) => clause.clauseId)).toEqual(['tj-2023-3:2.2', 'tj-2023-3:2.4', 'tj-2023-3:3.7', 'tj-2023-3:3.8']);
    expect((await find('MIIT')).map((unit) => unit.id)).toEqual(['cn:工业和信息化部']);
    // A place in the name keeps that place's unit only.
    expect((await find('Tianjin Commerce Bureau')).map((unit) => unit.id)).toEqual(['tj:市商务局']);
    expect((await find('sw:市财政局')).map((unit) => unit.id)).toEqual(['sw:市财政局']);
  });

  it('says plainly when a name is no unit, or is not a name', async () => {
    expect(await get('/api/units/%E5%B8%82%E6%98%9F%E9%99%85%E5%B1%80')).toMatchObject({ status: 404, body: { error: { code: 'unit_not_found' } } });
    expect(await get(`/api/units/${encodeURIComponent('市商务局牵头哪些任务')}`)).toMatchObject({ status: 404 });
    expect(await get(`/api/units/${'x'.repeat(101)}`)).toMatchObject({ status: 400, body: { error: { code: 'invalid_unit_name' } } });
  });
});
