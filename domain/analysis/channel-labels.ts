/** The names of the payment-channel breakdowns and their entries, Japanese first, English beside. */
import type { DunningMethod, PaymentMethod } from '../fields/catalogue.js';
import type { Locale } from '../engine/types.js';
import { NOT_ENTERED, UNREADABLE, type Channel } from './channels.js';

interface Name {
  ja: string;
  en: string;
}

/** Each breakdown's title: 納付方法別, 催告方法別, 口座振替の有無別. */
export const CHANNEL_TITLES: Readonly<Record<Channel, Name>> = {
  paymentMethod: { ja: '納付方法別', en: 'By payment method' },
  dunningMethod: { ja: '催告方法別', en: 'By dunning method' },
  directDebit: { ja: '口座振替の有無別', en: 'By direct debit enrolment' },
};

const PAYMENT_EN: Readonly<Record<PaymentMethod, string>> = {
  口座振替: 'Direct debit',
  納付書: 'Payment slip',
  コンビニ: 'Convenience store',
  クレジットカード: 'Credit card',
  スマホ決済: 'Smartphone payment',
  その他: 'Other',
};

const DUNNING_EN: Readonly<Record<DunningMethod, string>> = {
  文書: 'Letter',
  電話: 'Phone call',
  SMS: 'SMS',
  オートコール: 'Automated call',
  勤務先: 'Via employer',
  臨戸: 'Home visit',
};

/** Entries whose Japanese is not the key itself. */
const OTHERS: Readonly<Record<string, Name>> = {
  enrolled: { ja: '口座振替あり', en: 'Enrolled' },
  notEnrolled: { ja: '口座振替なし', en: 'Not enrolled' },
  [NOT_ENTERED]: { ja: '未記入', en: 'Blank' },
  [UNREADABLE]: { ja: '読み取れない値', en: 'Unreadable value' },
};

const EN: Readonly<Record<string, string>> = { ...PAYMENT_EN, ...DUNNING_EN };

/** An entry's name: the option itself in Japanese (口座振替), its English name otherwise. */
export function channelEntryName(key: string, locale: Locale): string {
  const other = OTHERS[key];
  if (other) return other[locale];
  return locale === 'ja' ? key : (EN[key] ?? key);
}

export function channelTitle(channel: Channel, locale: Locale): string {
  return CHANNEL_TITLES[channel][locale];
}
