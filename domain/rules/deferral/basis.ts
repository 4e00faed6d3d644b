import type { Text } from '../rule.js';

export const DEFERRAL_BASIS: Text = {
  ja: '地方税法15条（徴収の猶予）・15条の6（換価の猶予）、地方自治法施行令171条の6（履行延期の特約）',
  en: 'Local Tax Act art. 15, 15-6; Local Autonomy Act Enforcement Order art. 171-6',
};
