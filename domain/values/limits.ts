/**
 * The largest amount saiken accepts anywhere (a ledger cell, a plan, a settlement, a hard case):
 * 1兆円 − 1. No single municipal claim comes near it, and sums of many such amounts stay exact in
 * 64-bit integers (SQL) and are summed as BigInt where they may pass 2^53 (reports).
 */
export const MAX_YEN = 999_999_999_999;

/** The fiscal years saiken works with: from the Local Autonomy Act (1947) to well past any plan horizon. */
export const MIN_FISCAL_YEAR = 1947;
export const MAX_FISCAL_YEAR = 2100;

/** The amount limit as clerks read it. */
export const MAX_YEN_LABEL = '9,999億9,999万9,999円';
