/** 収納率, the one definition the analysis and its breakdowns use. */

/** paid ÷ assessed × 100 to one decimal, rounded half up on exact integers (no float drift); null where nothing was assessed. */
export function collectionRate(paid: number, assessed: number): number | null {
  if (assessed <= 0) return null;
  const tenths = Math.floor((paid * 1000 * 2 + assessed) / (2 * assessed));
  return tenths / 10;
}
