/**
 * Rounding as the city's tables print figures: 四捨五入, i.e. half away from zero. Yen and ratios
 * go through BigInt so a printed figure never depends on floating-point error (1,500 yen is
 * exactly 2 thousand; 12,345 ÷ 10,000 is exactly 123.45 %).
 */

/**
 * `x` rounded half away from zero to `decimals` places (negative `decimals` rounds to tens,
 * hundreds…). Works on the shortest decimal form of `x`, so 1.005 rounds to 1.01 as written,
 * not to 1.00 as its binary value would; integers up to 2^53 come back unchanged.
 */
export function roundHalfAwayFromZero(x: number, decimals = 0): number {
  if (!Number.isFinite(x)) return x;
  if (!Number.isInteger(decimals)) throw new RangeError(`decimals must be an integer: ${decimals}`);
  const shifted = shiftDecimal(Math.abs(x), decimals);
  // Math.round rounds .5 up, which is away from zero for the non-negative `shifted`.
  const rounded = shiftDecimal(Math.round(shifted), -decimals);
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/** `x × 10^places`, by moving the exponent of its decimal form rather than multiplying. */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent ?? 0) + places}`);
}

/** An amount of yen as a BigInt; a `number` must be a safe integer, or the sum would be wrong. */
export function yenToBigInt(yen: number | bigint): bigint {
  if (typeof yen === 'bigint') return yen;
  if (!Number.isSafeInteger(yen)) throw new RangeError(`not a whole number of yen: ${yen}`);
  return BigInt(yen);
}

/** Back to a `number`, refusing a value that `number` cannot hold exactly. */
export function bigIntToSafeNumber(n: bigint): number {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`amount out of the exact range of number: ${n}`);
  }
  return Number(n);
}

/** `n ÷ d` rounded half away from zero, exactly. */
export function divideRoundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const negative = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  const q = (2n * a + b) / (2n * b); // floor((a + b/2) / b) for non-negative a, b
  return negative ? -q : q;
}

/** Yen to thousands of yen, rounded half away from zero: 1,499 → 1; 1,500 → 2; −1,500 → −2. */
export function thousandsRounded(yen: number): number;
export function thousandsRounded(yen: bigint): bigint;
export function thousandsRounded(yen: number | bigint): number | bigint {
  const k = divideRoundHalfAwayFromZero(yenToBigInt(yen), 1000n);
  return typeof yen === 'bigint' ? k : Number(k);
}

/**
 * ② ÷ ① × 100 in hundredths of a percent, rounded half away from zero (9,540 for 95.40 %);
 * null when ① is 0, where the ratio is undefined.
 */
export function ratioHundredths(target: number | bigint, baseline: number | bigint): bigint | null {
  const b = yenToBigInt(baseline);
  if (b === 0n) return null;
  return divideRoundHalfAwayFromZero(yenToBigInt(target) * 10_000n, b);
}
