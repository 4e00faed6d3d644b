/**
 * The canonical ledger fields of `fields.md`: what a column means, the headers real ledgers use
 * for it, how its values are read, and whether it may leave the workbook.
 */

export type FieldType =
  | 'text'
  | 'enum'
  | 'fiscalYear'
  | 'date'
  | 'yen'
  | 'integer'
  | 'boolean'
  /** 弁護士委任: some ledgers tick it, others write the day of delegation. */
  | 'booleanOrDate';

/** never: personal data, stays in Excel. key: leaves only as a keyed hash. yes: leaves as a value. */
export type SyncPolicy = 'never' | 'key' | 'yes';

export interface FieldDef {
  key: FieldKey;
  label: string;
  synonyms: readonly string[];
  type: FieldType;
  sync: SyncPolicy;
  /** The allowed values of an enum field, in the order the UI offers them. */
  options?: readonly string[];
}

export const CLASSIFICATIONS = ['強制徴収公債権', '非強制徴収公債権', '私債権'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export const DUNNING_METHODS = ['文書', '電話', 'SMS', 'オートコール', '勤務先', '臨戸'] as const;
export type DunningMethod = (typeof DUNNING_METHODS)[number];

export const DEFERRAL_TYPES = ['徴収猶予', '換価猶予', '履行延期特約', '分納誓約'] as const;
export type DeferralType = (typeof DEFERRAL_TYPES)[number];

export const SUSPENSION_TYPES = ['1号', '2号', '3号', '即時消滅'] as const;
export type SuspensionType = (typeof SUSPENSION_TYPES)[number];

/** 財産調査の結果 as ledgers record it: 財産なし is what makes a claim ④ of the status report. */
export const PROPERTY_SEARCH_RESULTS = ['財産あり', '財産なし', '調査中', '未調査'] as const;
export type PropertySearchResult = (typeof PROPERTY_SEARCH_RESULTS)[number];

/** The payment channels of the ward plan (口座振替 and キャッシュレス決済 are what it promotes). */
export const PAYMENT_METHODS = ['口座振替', '納付書', 'コンビニ', 'クレジットカード', 'スマホ決済', 'その他'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** One entry; its key and sync policy keep their literal types, so the types below derive from the data. */
const f = <K extends FieldKey, S extends SyncPolicy>(
  key: K,
  label: string,
  synonyms: readonly string[],
  type: FieldType,
  sync: S,
  options?: readonly string[],
): FieldDef & { key: K; sync: S } =>
  options ? { key, label, synonyms, type, sync, options } : { key, label, synonyms, type, sync };

export const FIELD_KEYS = [
  'debtorId', 'debtorName', 'address', 'phone', 'claimType', 'classification', 'fiscalYear', 'period',
  'assessmentNo', 'assessedDate', 'assessedAmount', 'dueDate', 'paidAmount', 'lastPaymentDate',
  'writtenOffAmount', 'writeOffDate', 'writeOffReason', 'outstanding', 'demandDate', 'demandDeadline',
  'lastDunningDate', 'dunningMethod', 'dunningCount', 'lastContactDate', 'contactNote', 'deferralType',
  'deferralStart', 'deferralEnd', 'installmentAmount', 'nextInstallmentDate', 'acknowledgementDate',
  'suspensionDate', 'suspensionType', 'collectionStopDate', 'prescriptionDate', 'hardship', 'referralDate',
  'incomeBracket', 'lawyerDelegated',
  // Added after the first sync protocol: kept last, so the fields before keep their order (and the
  // service's grid its columns), and sent only when filled (domain/sync/fields.ts).
  'lateCharge', 'seizureDate', 'seized', 'propertySearchResult', 'whereaboutsUnknown', 'paymentMethod', 'directDebit',
] as const; // prettier-ignore
export type FieldKey = (typeof FIELD_KEYS)[number];

const ENTRIES = [
  f('debtorId', '債務者番号', ['債務者ID', '滞納者番号', '納義務者番号', '宛名番号', '管理番号', '整理番号'], 'text', 'key'),
  f('debtorName', '氏名', ['債務者名', '滞納者氏名', '納義務者氏名', '氏名又は名称', '名前'], 'text', 'never'),
  f('address', '住所', ['所在地', '居所', '現住所'], 'text', 'never'),
  f('phone', '電話番号', ['連絡先', '電話'], 'text', 'never'),
  f('claimType', '債権名', ['債権の名称', '債権種別', '歳入科目', '科目'], 'text', 'yes'),
  f('classification', '債権区分', ['債権分類', '債権の区分'], 'enum', 'yes', CLASSIFICATIONS),
  f('fiscalYear', '年度', ['調定年度', '賦課年度', '課税年度', '発生年度'], 'fiscalYear', 'yes'),
  f('period', '期別', ['期', '納期', '月分'], 'text', 'yes'),
  f('assessmentNo', '調定番号', ['通知書番号', '納付書番号', '請求番号'], 'text', 'key'),
  f('assessedDate', '調定日', ['調定年月日', '賦課日'], 'date', 'yes'),
  f('assessedAmount', '調定額', ['調定金額', '債権額', '請求額', '賦課額'], 'yen', 'yes'),
  f('dueDate', '納期限', ['納付期限', '履行期限', '支払期限', '納入期限'], 'date', 'yes'),
  f('paidAmount', '収入済額', ['収納額', '納付済額', '入金額', '既納額', '収入額'], 'yen', 'yes'),
  f('lastPaymentDate', '最終収入日', ['最終納付日', '最終入金日', '収納日', '入金日'], 'date', 'yes'),
  f('writtenOffAmount', '不納欠損額', ['欠損額', '不納欠損金額'], 'yen', 'yes'),
  f('writeOffDate', '不納欠損日', ['欠損日', '不納欠損処分日'], 'date', 'yes'),
  f('writeOffReason', '欠損理由', ['不納欠損事由', '欠損事由'], 'text', 'yes'),
  f('outstanding', '収入未済額', ['未収金額', '未収額', '未収金', '滞納額', '未納額', '残額'], 'yen', 'yes'),
  f('demandDate', '督促状発付日', ['督促日', '督促発付日', '督促状発送日', '督促年月日', '督促状発布日'], 'date', 'yes'),
  f('demandDeadline', '督促指定期限', ['督促期限', '指定期限', '督促状指定期限'], 'date', 'yes'),
  f('lastDunningDate', '最終催告日', ['催告日', '催告年月日', '催告書発送日'], 'date', 'yes'),
  f('dunningMethod', '催告方法', ['催告種別', '催告手段'], 'enum', 'yes', DUNNING_METHODS),
  f('dunningCount', '催告回数', ['催告件数'], 'integer', 'yes'),
  f('lastContactDate', '最終交渉日', ['交渉日', '納付相談日', '最終接触日', '経過記録日'], 'date', 'yes'),
  f('contactNote', '交渉経過', ['経過記録', '交渉記録', '経過'], 'text', 'never'),
  f('deferralType', '猶予区分', ['猶予種別', '猶予等', '分納区分'], 'enum', 'yes', DEFERRAL_TYPES),
  f('deferralStart', '猶予開始日', ['分納開始日', '誓約日', '猶予始期'], 'date', 'yes'),
  f('deferralEnd', '猶予終了日', ['猶予期限', '分納終了日', '延期後履行期限', '猶予終期'], 'date', 'yes'),
  f('installmentAmount', '分納額', ['分割額', '月額', '毎月納付額'], 'yen', 'yes'),
  f('nextInstallmentDate', '次回納付予定日', ['次回納期', '分納予定日', '次回予定日'], 'date', 'yes'),
  f('acknowledgementDate', '承認日', ['債務承認日', '時効更新日'], 'date', 'yes'),
  f('suspensionDate', '執行停止日', ['滞納処分の執行停止日', '停止日'], 'date', 'yes'),
  f('suspensionType', '執行停止区分', ['停止事由', '執行停止事由'], 'enum', 'yes', SUSPENSION_TYPES),
  f('collectionStopDate', '徴収停止日', [], 'date', 'yes'),
  f('prescriptionDate', '時効完成予定日', ['時効完成日', '時効満了日', '消滅時効日'], 'date', 'yes'),
  f('hardship', '生活困窮', ['困窮', '生活困窮フラグ'], 'boolean', 'yes'),
  f('referralDate', '支援窓口案内日', ['案内日', '相談窓口案内日', 'つなぎ日'], 'date', 'yes'),
  f('incomeBracket', '所得階層', ['所得区分'], 'text', 'yes'),
  f('lawyerDelegated', '弁護士委任', ['委任', '弁護士委任日'], 'booleanOrDate', 'yes'),
  f('lateCharge', '延滞金', ['遅延損害金', '延滞金額', '延滞金（確定額）', '延滞金徴収額'], 'yen', 'yes'),
  f('seizureDate', '差押日', ['差押年月日', '差押執行日', '差押処分日', '差押えの日'], 'date', 'yes'),
  f('seized', '差押', ['差押の有無', '差押有無', '差押済', '差押え'], 'booleanOrDate', 'yes'),
  f('propertySearchResult', '財産調査結果', ['財産調査', '財産調査の結果', '財産の有無'], 'enum', 'yes', PROPERTY_SEARCH_RESULTS),
  f('whereaboutsUnknown', '所在不明', ['居所不明', '所在不明フラグ', '行方不明'], 'boolean', 'yes'),
  f('paymentMethod', '納付方法', ['納付手段', '支払方法', '収納方法', '納入方法'], 'enum', 'yes', PAYMENT_METHODS),
  f('directDebit', '口座振替の有無', ['口座振替', '口振', '口座振替有無'], 'boolean', 'yes'),
]; // prettier-ignore

export const FIELDS: readonly FieldDef[] = ENTRIES;

/** The catalogue's fields of one sync policy, each with its key as a literal type. */
export type FieldDefWith<S extends SyncPolicy> = Extract<(typeof ENTRIES)[number], { sync: S }>;

/**
 * Personal data (`sync: never`: name, address, phone, contact notes): the engine never reads these
 * fields and nothing sends them, so nothing built from a row can carry them out of the workbook.
 */
export type PersonalField = FieldDefWith<'never'>['key'];

const isPersonalDef = (d: FieldDef): d is FieldDefWith<'never'> => d.sync === 'never';

/** The personal fields, in catalogue order. */
export const PERSONAL_FIELDS: readonly PersonalField[] = FIELDS.filter(isPersonalDef).map((d) => d.key);

const PERSONAL = new Set<FieldKey>(PERSONAL_FIELDS);

export function isPersonalField(key: FieldKey): key is PersonalField {
  return PERSONAL.has(key);
}

const BY_KEY = new Map<FieldKey, FieldDef>(FIELDS.map((d) => [d.key, d]));

export function fieldDef(key: FieldKey): FieldDef {
  const d = BY_KEY.get(key);
  if (!d) throw new Error(`unknown field ${key}`);
  return d;
}

/** Headers that name an Individual Number (マイナンバー): such a column is never read or sent. */
export const PERSONAL_NUMBER_HEADERS = ['個人番号', 'マイナンバー'] as const;
