import type { Text } from '../rule.js';

/** 督促: the statutory demand after the due date passes. */
export const DEMAND_BASIS: Text = {
  ja: '地方自治法231条の3第1項、同法施行令171条',
  en: 'Local Autonomy Act art. 231-3(1); Enforcement Order art. 171',
};
