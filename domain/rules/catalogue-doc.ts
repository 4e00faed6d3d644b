/**
 * Renders the rule catalogue that clerks read (docs/rule-catalogue.md) from the rules themselves, so the
 * document cannot drift from the code: a test fails when the committed file differs.
 */
import { fieldDef, type FieldKey } from '../fields/catalogue.js';
import { RULES, RULESET_VERSION } from './catalogue.js';
import { DEFAULT_PARAMS, type RuleGroup, type Severity } from './rule.js';

const GROUP_TITLES: Record<RuleGroup, string> = {
  data: '台帳の整備 (Data)',
  demand: '督促 (Demand)',
  followUp: '経過記録と催告 (Records and follow-up)',
  deferral: '猶予・分納 (Deferral and installments)',
  suspension: '執行停止・徴収停止 (Suspension and stop)',
  prescription: '時効 (Prescription)',
  hardship: '生活困窮者への支援 (Hardship)',
  lateCharge: '延滞金 (Late charges)',
};

export const SEVERITY_LABELS: Record<Severity, { ja: string; en: string }> = {
  error: { ja: 'エラー', en: 'error' },
  warning: { ja: '警告', en: 'warning' },
  info: { ja: '情報', en: 'info' },
};

const PARAM_TEXT: Record<keyof typeof DEFAULT_PARAMS, string> = {
  demandDays: '納期限から督促状の発付までの日数 (days from the due date to the demand)',
  demandTermDays: '督促状の指定期限が空欄のときの発付日からの日数 (demand term where no deadline is recorded)',
  contactStaleDays: '催告・交渉の記録が途絶えたとみなす日数 (days without contact before a record is stale)',
  earlyDunningDays: '督促後、最初の催告までの日数 (days from the demand to the first dunning)',
  installmentGraceDays: '分納の予定日を過ぎて待つ日数 (grace days after an installment date)',
  prescriptionWarnDays: '時効完成の何日前から警告するか (days before prescription to warn)',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const fields = (keys: readonly FieldKey[]) => keys.map((k) => `${fieldDef(k).label} (${k})`).join('、');

export function renderCatalogueMarkdown(): string {
  const out: string[] = [
    '# チェックルール一覧 (Rule catalogue)',
    '',
    `<!-- Generated from domain/rules by \`npm run catalogue\`. Do not edit by hand. -->`,
    '',
    `ルールセット版: \`${RULESET_VERSION}\`、全${RULES.length}ルール。`,
    '重要度: **エラー** = 法令上の義務の未履行、またはありえないデータ。**警告** = 早めの対応が必要。**情報** = 計画にもとづく助言。',
    '指摘があっても作業や送信は止まりません。',
    '',
    '## パラメータ (Parameters)',
    '',
    'シートごとに変更できます。',
    '',
    '| 名前 | 既定値 | 意味 |',
    '| --- | --- | --- |',
    ...Object.entries(DEFAULT_PARAMS).map(
      ([k, v]) => `| \`${k}\` | ${v} | ${PARAM_TEXT[k as keyof typeof DEFAULT_PARAMS]} |`,
    ),
  ];
  for (const group of Object.keys(GROUP_TITLES) as RuleGroup[]) {
    const rules = RULES.filter((r) => r.group === group);
    out.push('', `## ${GROUP_TITLES[group]}`, '');
    for (const r of rules) {
      out.push(`### ${r.title.ja} (${r.id})`, '');
      out.push(`- Title: ${r.title.en}`);
      out.push(`- 重要度: ${SEVERITY_LABELS[r.severity].ja} (${r.severity})`);
      if (r.basis) out.push(`- 根拠: ${cell(r.basis.ja)} (${cell(r.basis.en)})`);
      out.push(`- 条件: ${cell(r.condition.ja)}`);
      out.push(`- Condition: ${cell(r.condition.en)}`);
      if (r.reads.length) out.push(`- 読む項目: ${fields(r.reads)}`);
      out.push(`- メッセージ: ${cell(r.message.ja)}`);
      out.push('');
    }
    out.pop();
  }
  out.push('');
  return out.join('\n');
}
