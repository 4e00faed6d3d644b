/**
 * `saiken latecharge --principal N --due D --paid D`: the late charge (延滞金・遅延損害金) on a
 * principal paid late, piece by piece, as `late-charge.md` counts it. Dates as the ledgers write
 * them (ISO or 和暦). With `--server`, the city's table on the service; else the built-in one, and
 * the output says which. Exit 0 with the charge, 2 when an option cannot be used.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { formatISO, type Day } from '../../../domain/calendar/day.js';
import {
  calculateLateCharge,
  formatBp,
  type LateChargeProfiles,
  type LateChargeProfile,
  type LateChargeResult,
} from '../../../domain/late-charge/index.js';
import { parseDate, parseYen } from '../../../domain/values/index.js';
import { MAX_YEN } from '../../../domain/values/limits.js';
import { addServerOptions } from '../client.js';
import { CliError, EXIT_OK, parseOptions } from '../errors.js';
import { tableInUse, tableLine, type TableInUse } from '../late-charge-table.js';
import type { CliContext } from '../io.js';
import { claimTypeOption } from '../options.js';

const dateOption = (label: string, flag: string) =>
  z.string().transform((s, ctx): Day => {
    const p = parseDate(s);
    if (!p.ok || p.value === null) {
      ctx.addIssue({
        code: 'custom',
        message: `${label}（${flag}）「${s}」は、実在する日付を 2025-04-30 や 令和7年4月30日 の形で指定してください。`,
      });
      return z.NEVER;
    }
    return p.value;
  });

const principalOption = z.string().transform((s, ctx): number => {
  const p = parseYen(s);
  if (!p.ok || p.value === null || p.value < 0 || p.value > MAX_YEN) {
    ctx.addIssue({
      code: 'custom',
      message: `本税・本料の額（--principal）「${s}」は、0以上の円単位の整数で指定してください（例: 123456 や 123,456円）。`,
    });
    return z.NEVER;
  }
  return p.value;
});

const LateChargeOptions = z.object({
  principal: principalOption,
  due: dateOption('納期限', '--due'),
  paid: dateOption('納付日', '--paid'),
  claimType: claimTypeOption.optional(),
  json: z.boolean().optional(),
  server: z.string().optional(),
  token: z.string().optional(),
  insecure: z.boolean().optional(),
});
type Options = z.output<typeof LateChargeOptions>;

export function register(program: Command, ctx: CliContext): void {
  const cmd = program
    .command('latecharge')
    .description('延滞金・遅延損害金を計算する（納期限の翌日から納付日まで）')
    .requiredOption('--principal <yen>', '本税・本料の額（円）')
    .requiredOption('--due <date>', '納期限（2025-04-30 または 令和7年4月30日）')
    .requiredOption('--paid <date>', '納付日')
    .option('--claim-type <name>', '債権名または債権区分（例: 保育料、私債権）。省略時は税に準じた計算')
    .option('--json', '結果を JSON で出力する');
  addServerOptions(cmd).action(async (raw: unknown) => {
    const opts = parseOptions(LateChargeOptions, raw);
    const table = await tableInUse(opts, (t) => ctx.io.err(t));
    ctx.exitCode = runLateCharge(opts, table, ctx);
  });
}

/** The profile for `--claim-type`: a classification by name, else the claim type's; tax-like by default. */
function profileFor(claimType: string | undefined, profiles: LateChargeProfiles): LateChargeProfile {
  const profile = profiles.forClaimType(claimType ?? '');
  if (profile === null) {
    throw new CliError(
      `債権名（--claim-type）「${claimType}」の債権区分がわからないため計算できません。強制徴収公債権・非強制徴収公債権・私債権 のいずれかを指定してください。`,
    );
  }
  return profile;
}

function runLateCharge(opts: Options, table: TableInUse, ctx: CliContext): number {
  const profile = profileFor(opts.claimType, table.profiles);
  const r = calculateLateCharge({ principal: opts.principal, dueDate: opts.due, paidOn: opts.paid }, profile);
  if (r === null) {
    throw new CliError('この債権の延滞金は督促状の発付日から期間を数える設定のため、このコマンドでは計算できません。');
  }
  if (opts.json)
    ctx.io.out(`${JSON.stringify({ ...jsonOf(r), table: { source: table.source, version: table.version } })}\n`);
  else ctx.io.out(renderText(r, opts, profile, table));
  return EXIT_OK;
}

function jsonOf(r: LateChargeResult) {
  return {
    total: r.total,
    kind: r.kind,
    base: r.base,
    pieces: r.pieces.map((p) => ({
      period: p.period,
      from: formatISO(p.from),
      to: formatISO(p.to),
      days: p.days,
      rate: p.rate,
      amount: p.amount,
    })),
    notes: r.notes,
  };
}

const yen = (n: number) => `${n.toLocaleString('en-US')}円`;

const TITLES = {
  'tax-like': '延滞金（地方税法20条の4の2・附則3条の2 に準じた計算）',
  civil: '遅延損害金（民法404条・419条）',
  none: '延滞金',
} as const;

function renderText(r: LateChargeResult, opts: Options, profile: LateChargeProfile, table: TableInUse): string {
  const lines: string[] = [
    `${TITLES[r.kind]}${opts.claimType ? `\u3000債権: ${opts.claimType}` : ''}`,
    `納期限 ${formatISO(opts.due)}\u3000納付日 ${formatISO(opts.paid)}\u3000${r.kind === 'civil' ? '元本' : '本税・本料'} ${yen(opts.principal)}`,
    tableLine(table),
  ];
  if (r.kind === 'none') {
    lines.push('この債権には延滞金がかかりません（設定: 対象外）。', `合計: ${yen(0)}`);
    return `${lines.join('\n')}\n`;
  }
  if (profile.kind === 'none') return '';
  if (r.base !== opts.principal && r.pieces.length > 0) {
    lines.push(`計算の基礎: ${yen(r.base)}（${yen(profile.baseUnit)}未満切捨て）`);
  }
  if (r.pieces.length > 0) {
    lines.push('', '期間    自          至          日数    割合     金額');
    for (const p of r.pieces) {
      const period = r.kind === 'civil' ? '  －  ' : `第${p.period}期`;
      lines.push(
        `${period}  ${formatISO(p.from)}  ${formatISO(p.to)}  ${`${p.days}日`.padStart(6)}  ${formatBp(p.rateBp).padStart(6)}  ${yen(p.amount).padStart(10)}`,
      );
    }
    const sum = r.pieces.reduce((s, p) => s + p.amount, 0);
    lines.push('');
    if (r.pieces.length > 1) lines.push(`各期間の合計: ${yen(sum)}（各期間の1円未満切捨て）`);
  }
  for (const note of r.notes) lines.push(NOTE_TEXT[note]);
  const rounded = profile.totalUnit > 1 && r.total > 0 ? `（${yen(profile.totalUnit)}未満切捨て）` : '';
  lines.push(`${r.kind === 'civil' ? '遅延損害金' : '延滞金'}: ${yen(r.total)}${rounded}`);
  return `${lines.join('\n')}\n`;
}

const NOTE_TEXT: Record<LateChargeResult['notes'][number], string> = {
  'statutory-rate-used': '※ 特例基準割合の表にない年があるため、その年は本則の割合（7.3%・14.6%）で計算しています。',
  'under-threshold': '本税・本料が基準額（2,000円）未満のため、延滞金はかかりません。',
  'under-minimum': '合計が最低額（1,000円）未満のため、0円です。',
  'not-late': '納期限までに納付されているため、かかりません。',
};
