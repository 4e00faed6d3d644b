/**
 * Text that looks like a personal name. The signals, kept modest so everyday case notes pass:
 * - an honorific (様・さま・さん・氏・殿・くん・君・ちゃん) after kanji, katakana or hiragana, unless
 *   the word is a role (担当者様, ご本人様, 皆様, お客様, おとうさん), a set phrase (ご苦労様,
 *   おかげさま, たくさん) or a placeholder (〇〇様): 「Ａ様」 and 「債務者Ａ」 are the safe way to write;
 * - romaji with -san/-sama/-kun/-chan/-dono (Yamada-san, yamada sama) or after Mr./Ms./Mrs.;
 * - a label such as 「氏名：」 or 「名前 」 followed by text;
 * - a common surname (two kanji or more) followed by a one- to three-kanji given name standing on its
 *   own (山田太郎, 鈴木 一郎), unless what follows is a place or an office (中村区, 千葉県, 上野駅).
 * A surname alone (「佐藤に電話」) is not flagged: too many are also place names.
 * It runs on folded text (see fold.ts), so spaces are " " and half-width kana are full-width.
 */

export interface NameSpan {
  start: number;
  end: number;
}

// 様, さま and 殿 may stand after a space, as on an envelope (山田 様).
const HONORIFICS =
  ' ?(?:様(?![式子相々態])|さま(?!ざま)|殿(?![下堂]))|さん|氏(?![名族])|くん(?!れん)|君(?![臨主])|ちゃん';

const HONORIFIC = new RegExp(`([\\p{Script=Han}\\p{Script=Katakana}ー々]{1,8})(${HONORIFICS})`, 'gu');

const KANA_HONORIFIC = new RegExp(`(?<![\\p{Script=Hiragana}ー])([\\p{Script=Hiragana}ー]{2,8})(${HONORIFICS})`, 'gu');

/** Everyday words made with the honorific's character: 同様, 仕様, 模様, 彼氏, 御殿, 諸君. */
const COMPOUNDS: Record<string, string> = {
  様: '同多仕模態一異有左両',
  氏: '彼諸某同両',
  殿: '御宮神沈拝',
  君: '諸主父母夫細若暴名貴',
};

/** Words before an honorific that name a role or a group, not a person. */
const ROLE_ENDINGS = [
  '者', '員', '長', '課', '局', '係', '所', '会', '社', '主', '族', '庁', '部', '室', '署', '校', '院', '店', '館',
  '本人', '保証人', '相続人', '代理人', '管財人', '後見人', '同居人', '法人', '個人', '知人', '友人',
  '父', '母', '兄', '姉', '弟', '妹', '夫', '妻', '嫁', '婿', '息子', '娘', '孫', '爺', '婆', '坊', '嬢', '旦那',
  '皆', '客', '先方', '相手方', '同', '両', '貴', '各', '奥', '各位', '担当', '先生', '業者', '家族', '世帯',
  '苦労', '馳走', '世話', '近所', '大家', '家主', '生憎', '親御', '仏', '神', '王', '主人', '隣',
  '士', '師', '官', '医', '屋', '協', '括', '園', '行', '察', '庫', '設', '科', '業', '団', '体', '組合', '機関',
  '商事', '物産', '建設', '不動産', '管理人', '他人', '新人', '職人', '大工', '派遣', '子息', '令息', '令嬢', '天道',
  '父上', '母上', '希望', 'パート', 'バイト', 'センター', 'テラス',
  'ワーカー', 'ヘルパー', 'スタッフ', 'ケアマネ', 'マネージャー', 'マネジャー', 'オーナー', 'ママ', 'パパ',
  'ナース', 'ドクター', 'ボランティア', 'リーダー', 'コーディネーター', 'ワン', 'ネコ', 'ニャン',
]; // prettier-ignore

/** Whole words before an honorific that are no person: お子様, お日様, 赤ちゃん. */
const ROLE_WORDS = new Set(['子', '日', '月', '赤', '上', '殿', '何', '人', '陰']);

/** Hiragana before an honorific that is a role, a set phrase or grammar (…という様に). */
const KANA_ROLE_ENDINGS = [
  'みな', 'おきゃく', 'おとう', 'おかあ', 'おじい', 'おばあ', 'おにい', 'おねえ', 'おじょう', 'ぼっ', 'あか',
  'だんな', 'よめ', 'むすこ', 'むすめ', 'ごくろう', 'おつかれ', 'おかげ', 'ごちそう', 'おまちどお',
  'ごしゅうしょう', 'おたがい', 'おかみ', 'おひ', 'おひさ', 'おおや', 'おいしゃ', 'せんせい', 'ほんにん',
  'たんとう', 'かぞく', 'ごしゅじん', 'おとなり', 'ごきんじょ', 'おまわり', 'おそまつ', 'あから', 'よそ',
  'ひと', 'てんと', 'たく', 'せわ', 'わん', 'ねこ', 'きょうだい', 'りょうしん', 'ちびっこ', 'あいにく',
  'から', 'まで', 'より', 'ちょうど', 'など', 'ほど', 'だけ', 'という', 'ような', 'ように', 'みたいな', 'のよう',
]; // prettier-ignore

const KANA_ROLE_WORDS = new Set([
  'とう', 'かあ', 'じい', 'ばあ', 'にい', 'ねえ', 'おこ', 'おく', 'かみ', 'おや', 'おやご', 'あり', 'いか', 'さか',
  'この', 'その', 'あの', 'どの', 'かの', 'みたい', 'おじ', 'おば', 'あに', 'あね',
  // Kana words ending in さん that are no honorific: 予算, 資産, 計算, 清算, 遺産, 破産, 二、三.
  'よ', 'し', 'けい', 'せい', 'さい', 'い', 'か', 'ごう', 'は', 'ご', 'ひ', 'じ', 'ち', 'に', 'はっ', 'いっ',
]); // prettier-ignore

const ROMAJI_HONORIFIC =
  /(?<![A-Za-z])([A-Za-z][a-z]+|[A-Z]{2,})[ _-](san|sama|kun|chan|dono|San|Sama|Kun|Chan|SAN|SAMA)(?![A-Za-z])/g;
const ROMAJI_TITLE =
  /(?<![A-Za-z])(?:M(?:r|rs|s|x)\.? ?|Miss |(?:mr|mrs|ms)\. ?)(?:[A-Z][A-Za-z'-]+|[a-z]{2,}(?=[^A-Za-z]|$))/g;

/** English words that read like a romaji name before "san"/"sama": "pro bono", "Santa". */
const NOT_ROMAJI_NAME = /^(?:the|a|an|in|on|at|to|of|and|or|for|via|de|la|el|los|las)$/i;

const LABEL =
  /(?:氏名|名前|フリガナ|ふりがな|債務者名|滞納者名|納付者名)(?:[ \t]*[:：=＝「『][ \t]*|[ \t]+)[^\s、。,，」』)）]{1,15}/gu;

/** Common surnames (two kanji or more); one-kanji ones (林, 森) are also everyday words. */
export const SURNAMES = [
  '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '渡邊', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木',
  '山口', '松本', '井上', '木村', '斎藤', '斉藤', '清水', '山崎', '池田', '橋本', '阿部', '石川', '山下', '中島',
  '石井', '小川', '前田', '岡田', '長谷川', '藤田', '後藤', '近藤', '村上', '遠藤', '青木', '坂本', '福田', '太田',
  '西村', '藤井', '金子', '岡本', '藤原', '中野', '三浦', '原田', '松田', '竹内', '中川', '小野', '田村', '和田',
  '石田', '上田', '森田', '柴田', '酒井', '工藤', '横山', '宮崎', '宮本', '内田', '高木', '安藤', '谷口', '大野',
  '丸山', '今井', '河野', '藤本', '村田', '武田', '上野', '杉山', '増田', '小山', '平野', '大塚', '千葉', '久保',
  '松井', '岩崎', '木下', '野口', '菅原', '野村', '佐野', '新井', '渡部', '浅野', '水野', '服部', '市川', '桜井',
]; // prettier-ignore

/** A "given name" holding one of these is a place, an office or an amount: 中村区, 千葉県, 上野駅. */
const NOT_GIVEN = /[区市町村郡県都府道州課局係店社校園駅線所部署室庁院館場税料金費額分期年月日号番丁目回件円通様氏殿]/u;

const SURNAME_GIVEN = new RegExp(
  `(?<![\\p{Script=Han}々])(?:${SURNAMES.join('|')})(?:[ ]?)([\\p{Script=Han}々]{1,3})(?![\\p{Script=Han}々])`,
  'gu',
);

function isRoleWord(word: string): boolean {
  if (/^[〇]+$/u.test(word)) return true;
  return ROLE_WORDS.has(word) || ROLE_ENDINGS.some((r) => word.endsWith(r));
}

function isKanaRoleWord(word: string): boolean {
  return KANA_ROLE_WORDS.has(word) || KANA_ROLE_ENDINGS.some((r) => word.endsWith(r));
}

/** Name-like spans of `text` (expected folded: see foldText). */
export function findNames(text: string): NameSpan[] {
  const spans: NameSpan[] = [];
  const add = (m: RegExpMatchArray) => spans.push({ start: m.index!, end: m.index! + m[0].length });
  for (const m of text.matchAll(HONORIFIC)) {
    const word = m[1]!;
    if (COMPOUNDS[m[2]!.trim()]?.includes(word.at(-1)!)) continue;
    if (!isRoleWord(word)) add(m);
  }
  if (/[さ様氏殿く君ち]/u.test(text)) {
    for (const m of text.matchAll(KANA_HONORIFIC)) if (!isKanaRoleWord(m[1]!)) add(m);
  }
  if (/[A-Za-z]/.test(text)) {
    for (const m of text.matchAll(ROMAJI_HONORIFIC)) if (!NOT_ROMAJI_NAME.test(m[1]!)) add(m);
    for (const m of text.matchAll(ROMAJI_TITLE)) add(m);
  }
  for (const m of text.matchAll(LABEL)) add(m);
  for (const m of text.matchAll(SURNAME_GIVEN)) {
    if (!NOT_GIVEN.test(m[1]!)) add(m);
  }
  return spans;
}
