import type { Text } from '../rule.js';

export const PRESCRIPTION_BASIS: Text = {
  ja: '地方自治法236条、民法166条・152条',
  en: 'Local Autonomy Act art. 236; Civil Code art. 166, 152',
};

/** What prescriptionEnd reads when it computes the date rather than taking the cell. */
export const PRESCRIPTION_READS = [
  'prescriptionDate', 'dueDate', 'demandDate', 'demandDeadline', 'acknowledgementDate', 'lastPaymentDate',
  'paidAmount', 'outstanding', 'classification', 'claimType',
] as const; // prettier-ignore
