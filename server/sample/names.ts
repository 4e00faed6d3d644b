/**
 * Building blocks for clearly synthetic personal data: common names, a fictional city (見本市, "sample
 * city"), and telephone numbers in the 000 range, which no real line uses.
 */
import type { Rng } from './prng.js';

const SURNAMES = [
  '佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤', '吉田', '山田', '佐々木', '山口',
  '松本', '井上', '木村', '林', '斎藤', '清水', '山崎', '森', '池田', '橋本', '阿部', '石川', '前田', '藤田', '小川', '岡田',
]; // prettier-ignore
const GIVEN = [
  '太郎', '花子', '一郎', '美咲', '翔太', '陽菜', '大輔', '結衣', '健太', 'さくら', '拓海', '葵', '直樹', '由美', '誠',
  '愛', '蓮', '凛', '悠真', '美穂', '隆', '恵子', '和也', '真由美', '浩二', '千尋', '勇気', '彩', '修', '優子',
]; // prettier-ignore
const WARDS = ['中央区', '北区', '南区', '東区', '西区', '港区', '緑区', '青葉区'];
const TOWNS = ['本町', '栄町', '旭町', '緑町', '若葉', '桜台', '山手', '泉'];

export const INCOME_BRACKETS = ['第1階層', '第2階層', '第3階層', '第4階層', '第5階層', '第6階層'];

/** Notes on contacts; a few start with `=`, `@` or `-` as typed notes do, which must stay text. */
const NOTES = [
  '電話にて納付を案内', '不在のため催告書を投函', '分納の相談あり', '本人と面談、来月納付予定', '勤務先に在籍を確認',
  '窓口で納付相談', '家族が対応、本人へ伝言', '=再催告予定', '@折り返し待ち', '-不在票投函',
]; // prettier-ignore

export function fakeName(rng: Rng): string {
  return `${rng.pick(SURNAMES)} ${rng.pick(GIVEN)}`;
}

export function fakeAddress(rng: Rng): string {
  return `見本市${rng.pick(WARDS)}${rng.pick(TOWNS)}${rng.int(1, 9)}丁目${rng.int(1, 30)}-${rng.int(1, 20)}`;
}

export function fakePhone(rng: Rng): string {
  return `000-${String(rng.int(0, 9999)).padStart(4, '0')}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

export function fakeNote(rng: Rng): string {
  return rng.pick(NOTES);
}
