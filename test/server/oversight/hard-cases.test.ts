/** Hard cases: no personal data, open → answered → closed, and only three parties see them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A, buildWorld, JAPANESE, statuses, WHO, type World } from './world.js';

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});
afterAll(() => w?.close());

const clean = () => ({
  claimId: w.claims.own,
  title: '分納誓約の不履行が続く事案',
  assessedYen: 240_000,
  outstandingYen: 180_000,
  dueDate: '2023-05-31',
  lastContactDate: '2024-10-01',
  tried: '文書催告3回、電話催告2回、臨戸1回。分納誓約後に2回不履行。',
  question: '執行停止の要件に当たるか判断に迷っている。',
});
const send = (body: unknown, token = w.t.divOwn) => w.call('POST', '/api/v1/hard-cases', token, body);
const count = async () => (await w.svc.service.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM hard_cases'))!.n;
const answer = (id: number, token: string, policy = '執行停止の要件を満たすか、財産調査の結果を待って判断する。') =>
  w.call('POST', `/api/v1/hard-cases/${id}/answer`, token, { policy });
const close = (id: number, token: string) => w.call('POST', `/api/v1/hard-cases/${id}/close`, token, {});

describe('sending a case', () => {
  it('takes a case without personal data', async () => {
    const r = await send(clean());
    expect(r.status, r.text).toBe(201);
    expect(r.json.hardCase).toMatchObject({
      status: 'open',
      claim: { id: w.claims.own },
      division: { name: A.own },
      assessedYen: 240_000,
      dueDate: '2023-05-31',
      confirmedNoPersonalData: false,
      answer: null,
    });
  });

  it('refuses personal-looking text with its spans, stores nothing, and strips nothing', async () => {
    const before = await count();
    const tried = '山田太郎様に052-961-1111で連絡。名古屋市中区三の丸3丁目1番1号に臨戸。';
    const r = await send({ ...clean(), tried });
    expect(r.status).toBe(422);
    expect(r.json.code).toBe('looks-personal');
    expect(r.json.message).toMatch(JAPANESE);
    expect(r.json.details.confirmable).toBe(true);
    expect(r.json.details.fields).toHaveLength(1);
    const { field, spans } = r.json.details.fields[0];
    expect(field).toBe('tried');
    const shown = spans.map((s: { start: number; end: number; kind: string }) => [s.kind, tried.slice(s.start, s.end)]);
    expect(shown).toEqual([
      ['name', '山田太郎様'],
      ['phone', '052-961-1111'],
      ['address', '名古屋市中区三の丸3丁目1番1号'],
    ]);
    expect(await count()).toBe(before);
    // The answer never echoes the text itself.
    expect(r.text).not.toContain('山田');
  });

  it('takes the same text once the sender confirms it holds no personal data, as typed', async () => {
    const question = '同種の事案（担当：山田さん）で過去に執行停止した例はあるか。';
    const r = await send({ ...clean(), question, confirmedNoPersonalData: true });
    expect(r.status).toBe(201);
    expect(r.json.hardCase).toMatchObject({ question, confirmedNoPersonalData: true });
    const audit = await w.svc.service.db.all<{ details: string }>(
      "SELECT details FROM audit_log WHERE entity = 'hard_case' AND action = 'create' ORDER BY id DESC LIMIT 1",
    );
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ confirmedNoPersonal: true, warnings: { name: 1 } });
    expect(audit[0]!.details).not.toContain('山田');
  });

  it('always refuses a My Number-like number, confirmed or not', async () => {
    const before = await count();
    for (const confirmedNoPersonalData of [false, true]) {
      const r = await send({ ...clean(), question: '個人番号 1234-5678-9012 で照会', confirmedNoPersonalData });
      expect(r.status).toBe(422);
      expect(r.json).toMatchObject({ code: 'looks-personal', details: { confirmable: false } });
      expect(r.json.details.fields[0].spans).toEqual([{ kind: 'my-number', start: 5, end: 19 }]);
    }
    expect(await count()).toBe(before);
  });

  it('is sent by the claim’s own division only', async () => {
    const { got, want } = await statuses(w, 'POST', '/api/v1/hard-cases', { divOwn: 201 }, () => clean());
    expect(got).toEqual(want);
    expect((await send({ ...clean(), claimId: 999_999 })).status).toBe(404);
  });

  it('refuses what does not fit, in Japanese', async () => {
    for (const bad of [
      { ...clean(), dueDate: '2024-02-30' },
      { ...clean(), lastContactDate: '令和6年10月1日' },
      { ...clean(), outstandingYen: -1 },
      { ...clean(), question: '' },
      { ...clean(), claimId: 'x' },
      { ...clean(), name: '山田' },
    ]) {
      const r = await send(bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
      for (const d of r.json.details) expect(d.problem).toMatch(JAPANESE);
    }
  });
});

describe('answering and closing', () => {
  it('goes open → answered → closed; the answering party or the division closes', async () => {
    const id = (await send(clean())).json.hardCase.id as number;
    const who = await statuses(w, 'POST', `/api/v1/hard-cases/${id}/answer`, { accOwn: 200 }, () => ({
      policy: '方針',
    }));
    // Only accOwn answered; finance, after it, found the case already answered.
    expect({ ...who.got, finance: 403 }).toEqual(who.want);
    expect(who.got.finance).toBe(409);
    const shown = (await w.call('GET', `/api/v1/hard-cases/${id}`, w.t.divOwn)).json.hardCase;
    expect(shown).toMatchObject({
      status: 'answered',
      answer: { policy: '方針', role: 'accounting' },
    });
    expect((await close(id, w.t.finance)).status).toBe(403);
    const closed = await close(id, w.t.accOwn);
    expect(closed.json.hardCase).toMatchObject({ status: 'closed', closedByRole: 'accounting' });
    for (const r of [await close(id, w.t.divOwn), await answer(id, w.t.finance)]) {
      expect(r.status).toBe(409);
      expect(r.json).toMatchObject({ code: 'invalid-transition', details: { status: 'closed' } });
    }
    const actions = await w.svc.service.db.all<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'hard_case' AND entity_id = ? ORDER BY id",
      [String(id)],
    );
    expect(actions.map((a) => a.action)).toEqual(['create', 'answer', 'close']);
  });

  it('lets the division withdraw an open case; others cannot close before an answer', async () => {
    const id = (await send(clean())).json.hardCase.id as number;
    const early = await close(id, w.t.accOwn);
    expect(early.status).toBe(409);
    expect(early.json.message).toMatch(JAPANESE);
    expect((await close(id, w.t.divSibling)).status).toBe(403);
    expect((await close(id, w.t.divOwn)).json.hardCase).toMatchObject({ status: 'closed', answer: null });
  });

  it('takes finance’s answer and the division’s close; checks the answer for personal data too', async () => {
    const id = (await send(clean())).json.hardCase.id as number;
    const personal = await answer(id, w.t.finance, '山田太郎様には 090-1234-5678 へ連絡のこと');
    expect(personal.status).toBe(422);
    expect(personal.json.details.fields[0].field).toBe('policy');
    const confirmed = await w.call('POST', `/api/v1/hard-cases/${id}/answer`, w.t.finance, {
      policy: '財産調査のうえ、執行停止を検討する。判断は財政局の方針（様式第1号）による。',
      confirmedNoPersonalData: true,
    });
    expect(confirmed.json.hardCase).toMatchObject({
      status: 'answered',
      answer: { role: 'finance' },
    });
    expect((await close(id, w.t.accOwn)).status).toBe(403);
    expect((await close(id, w.t.divOwn)).json.hardCase.closedByRole).toBe('division');
  });
});

describe('who sees a case', () => {
  it('the division, its bureau’s accounting and finance; nobody else', async () => {
    const id = (await send(clean())).json.hardCase.id as number;
    const one = await statuses(w, 'GET', `/api/v1/hard-cases/${id}`, { divOwn: 200, accOwn: 200, finance: 200 });
    expect(one.got).toEqual(one.want);
    const refused = await w.call('GET', `/api/v1/hard-cases/${id}`, w.t.accForeign);
    expect(refused.text).not.toContain('分納誓約');
    expect((await w.call('GET', '/api/v1/hard-cases/999999', w.t.finance)).status).toBe(404);
    expect((await w.call('GET', '/api/v1/hard-cases/abc', w.t.finance)).status).toBe(404);
  });

  it('lists only the cases within reach, optionally by status', async () => {
    const sizes: Record<string, number | null> = {};
    for (const who of WHO) {
      const r = await w.call('GET', '/api/v1/hard-cases', w.t[who]);
      sizes[who] = r.status === 200 ? r.json.hardCases.length : r.status;
    }
    const total = await count();
    expect(sizes).toEqual({ divOwn: total, divSibling: 0, divForeign: 0, accOwn: total, accForeign: 0, finance: total, admin: 403 }); // prettier-ignore
    const open = await w.call('GET', '/api/v1/hard-cases?status=open', w.t.finance);
    for (const c of open.json.hardCases) expect(c.status).toBe('open');
    expect(open.json.hardCases.length).toBeLessThan(total);
    expect((await w.call('GET', '/api/v1/hard-cases?status=done', w.t.finance)).status).toBe(400);
  });
});
