/**
 * The measures (取組み) a division can choose for its annual plan, taken from the seed plan's
 * sections 2 (1)–(3): the basics every division must do, care for people who cannot pay, and the
 * examples of planned collection work. Ids are stable (stored in plans); labels are for display.
 */

export type MeasureGroup = 'basics' | 'hardship' | 'planned';

export interface Measure {
  id: string;
  group: MeasureGroup;
  label: string;
  /** One line from the seed, shown as a hint beside the choice. */
  hint: string;
}

export const MEASURE_GROUP_LABELS: Record<MeasureGroup, string> = {
  basics: '法令等に基づく事務処理の徹底',
  hardship: '納付困難な方に対する適切な対応',
  planned: '年間計画に基づく取組み',
};

/** 段階的な催告の強化: the usual order of escalation, as the seed's example and 催告 methods give it. */
export const ESCALATION_STEPS = ['文書', 'SMS', 'オートコール', '電話', '勤務先', '臨戸'] as const;

export const MEASURES: readonly Measure[] = [
  {
    id: 'demand-notice',
    group: 'basics',
    label: '督促状の確実な発付',
    hint: '法令上行わなければならない督促状を納期限後に確実に発付する。',
  },
  {
    id: 'ledger-upkeep',
    group: 'basics',
    label: '債権管理台帳・経過記録の整備',
    hint: '台帳と交渉経過の記録を漏れなく整える。',
  },
  {
    id: 'deferral-monitoring',
    group: 'basics',
    label: '支払猶予の履行管理',
    hint: '徴収の猶予・履行延期の特約・分納誓約の納付履行状況を管理する。',
  },
  {
    id: 'relief-guidance',
    group: 'hardship',
    label: '減免・猶予制度の案内と適用',
    hint: 'ウェブサイト等での広報や納付相談時に制度を案内する。',
  },
  {
    id: 'careful-hearing',
    group: 'hardship',
    label: '納付相談での事情の丁寧な聴き取り',
    hint: '債務者の実情を聴き取り、対応を判断する。',
  },
  {
    id: 'support-referral',
    group: 'hardship',
    label: '各種支援窓口への案内',
    hint: '給付・援助・貸付、生活困窮者の自立支援、多重債務の相談窓口へ案内する。',
  },
  {
    id: 'aging-analysis',
    group: 'planned',
    label: '滞納年数別・所得階層別の分析',
    hint: '未収金の状況を区分ごとに分析し、区分に応じた取組みを行う。',
  },
  {
    id: 'early-dunning',
    group: 'planned',
    label: '滞納初期の催告',
    hint: '回収につながりやすい滞納初期の催告に注力する。',
  },
  {
    id: 'intensive-period',
    group: 'planned',
    label: '集中催告（期間・時間を決めて課全体で実施）',
    hint: '特定の期間や時間を決めて課全体で催告業務に取り組む。',
  },
  {
    id: 'staged-escalation',
    group: 'planned',
    label: '段階的な催告の強化（文書→SMS→オートコール→電話→勤務先→臨戸）',
    hint: '電話催告の次は勤務先催告とする等、取組内容を段階的に強化する。',
  },
  {
    id: 'prevention',
    group: 'planned',
    label: '債権発生の未然防止（制度周知・収入の早期把握）',
    hint: '発生すると回収が困難になる債権は、制度周知や収入の早期把握で発生を防ぐ。',
  },
  {
    id: 'direct-debit',
    group: 'planned',
    label: '口座振替の勧奨',
    hint: '納め忘れを防ぐため口座振替への切替えを勧める。',
  },
  {
    id: 'progress-management',
    group: 'planned',
    label: '管理監督者による進捗管理',
    hint: '管理監督者が年間計画の進捗を定期的に確認する。',
  },
];

export const MEASURE_IDS = MEASURES.map((m) => m.id);

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

export function findMeasure(id: string): Measure | undefined {
  return BY_ID.get(id);
}

/** Ids in catalogue order (so two plans choosing the same measures store the same list). */
export function sortMeasureIds(ids: readonly string[]): string[] {
  const order = new Map(MEASURE_IDS.map((id, i) => [id, i]));
  return [...new Set(ids)].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
}
