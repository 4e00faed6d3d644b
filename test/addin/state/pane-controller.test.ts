// The pane's behaviour without a DOM: mapping, check, incremental re-check, highlights.
import { describe, expect, it } from 'vitest';
import { PaneController } from '../../../addin/state/pane-controller.js';
import { FakePort } from '../fake-port.js';
import { AS_OF, EXPECTED, hoikuryo, memoryStorage } from '../ledger.js';

function pane(port: FakePort) {
  return new PaneController(port, { storage: memoryStorage(), asOf: () => AS_OF });
}

async function mapped(port: FakePort) {
  const p = pane(port);
  await p.start();
  p.setClaimType('保育料');
  await p.confirmMapping();
  return p;
}

describe('PaneController', () => {
  it('proposes the mapping the first time and stores it with a ledger id', async () => {
    const port = new FakePort(hoikuryo());
    const p = pane(port);
    await p.start();
    expect(p.state.phase).toBe('mapping');
    const d = p.state.draft!.detection;
    expect(d.headerRows).toEqual([1]);
    expect(d.columns.find((c) => c.field === 'demandDate')).toMatchObject({ letter: 'I', reason: 'synonym' });
    expect(d.columns.find((c) => c.field === 'debtorId')).toMatchObject({ letter: 'A', reason: 'label' });
    p.setClaimType('保育料');
    await p.confirmMapping();
    expect(p.state.phase).toBe('ready');
    const saved = JSON.parse(port.doc.get('saiken.sheet.{sheet-1}')!);
    expect(saved.claimType).toBe('保育料');
    expect(saved.ledgerId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(saved.mapping.columns.length).toBe(d.columns.length);
  });

  it('asks nothing the second time', async () => {
    const port = new FakePort(hoikuryo());
    await mapped(port);
    const again = pane(new FakePort(hoikuryo(), { doc: port.doc }));
    await again.start();
    expect(again.state.phase).toBe('ready');
    expect(again.state.draft).toBeNull();
    expect(again.state.config?.claimType).toBe('保育料');
  });

  it('applies a correction to a column and refuses a personal-number column', async () => {
    const port = new FakePort(hoikuryo({ personalNumber: true }));
    const p = pane(port);
    await p.start();
    p.setColumnField(10, 'lastContactDate'); // K: 催告日 → 最終交渉日 by hand
    const k = p.state.draft!.detection.columns.find((c) => c.column === 10);
    expect(k).toMatchObject({ field: 'lastContactDate', reason: 'user' });
    p.setColumnField(2, 'debtorId'); // C: 個人番号
    expect(p.state.draft!.error).toContain('個人番号');
    expect(p.sync.refusal()?.message).toContain('個人番号');
  });

  it('checks the sheet: findings, summary, highlights, and a watch on edits', async () => {
    const port = new FakePort(hoikuryo());
    const p = await mapped(port);
    await p.check();
    const r = p.state.check.result!;
    expect(r.findings.map((f) => [f.row, f.rule])).toEqual(EXPECTED);
    expect(r.summary.bySeverity).toEqual({ error: 4, warning: 6, info: 1 });
    expect(port.callsOf('showFlags')).toHaveLength(1);
    expect(port.listening).toBe(1);
    expect(p.yearKindOf(6)).toBe('arrears');
    expect(p.yearKindOf(4)).toBe('current');
  });

  it('re-checks only the edited rows and re-flags only them', async () => {
    const port = new FakePort(hoikuryo());
    const p = await mapped(port);
    await p.check();
    port.clearCalls();
    port.set(5, 9, '2024-10-10'); // H-104's 督促 now within 20 days: DEMAND_LATE goes
    port.fireChanged('I5');
    await p.whenIdle();
    expect(port.reads()).toEqual([[5, 5]]);
    expect(port.callsOf('updateFlags').every((a) => (a[1] as number[]).join() === '5')).toBe(true);
    const rows5 = p.state.check.result!.findings.filter((f) => f.row === 5);
    expect(rows5).toEqual([]);
    expect(p.state.check.result!.summary.bySeverity.warning).toBe(5);
  });

  it('follows an edit in 現年度分 / 滞納繰越分 without reading the row again', async () => {
    const port = new FakePort(hoikuryo());
    const p = await mapped(port);
    await p.check();
    expect(p.yearKindOf(4)).toBe('current');
    port.clearCalls();
    port.set(4, 3, 'R5'); // H-103's 年度
    port.fireChanged('C4');
    await p.whenIdle();
    expect(port.reads()).toEqual([[4, 4]]);
    expect(p.yearKindOf(4)).toBe('arrears');
    for (let c = 1; c <= 18; c++) port.set(4, c, null);
    port.fireChanged('A4:R4');
    await p.whenIdle();
    expect(p.yearKindOf(4)).toBeNull();
  });

  it('reads a multi-area edit once per row range', async () => {
    const port = new FakePort(hoikuryo());
    const p = await mapped(port);
    await p.check();
    port.clearCalls();
    await p.edited('C3:D4,F9,$B$10');
    expect(port.reads()).toEqual([
      [3, 4],
      [9, 10],
    ]);
  });

  it('clears and restores the highlights, and selects a finding’s cell', async () => {
    const port = new FakePort(hoikuryo());
    const p = await mapped(port);
    await p.check();
    await p.clearFlags();
    expect(port.callsOf('clearFlags')).toHaveLength(1);
    expect(p.state.flagsShown).toBe(false);
    const f = p.state.check.result!.findings.find((x) => x.rule === 'BALANCE_MISMATCH')!;
    await p.selectFinding(f);
    expect(port.callsOf('select').at(-1)?.slice(1)).toEqual([10, 8]);
  });
});
