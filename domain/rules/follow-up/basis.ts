import type { Text } from '../rule.js';

/** Follow-up after the demand: the city's plan asks for records and early, escalating dunning. */
export const FOLLOW_UP_BASIS: Text = {
  ja: '債権管理の取組み（経過記録等の基本的な事務、滞納初期の催告、段階的な催告の強化）',
  en: "The city's receivables plan: keep contact records, dun early, escalate step by step",
};
