import Decimal from "decimal.js";

/**
 * `total` split evenly over `n` rows to `places` decimals by largest remainder: each row gets the
 * share rounded down, and the units left over go one each to the rows with the largest remainders
 * (ties to the earlier row). 7 rows → 14.29, 14.29, 14.29, 14.29, 14.28, 14.28, 14.28 = 100.00.
 */
export function splitEvenly(n: number, total: Decimal.Value = 100, places = 2): string[] {
  // Stryker disable next-line EqualityOperator: n < 0 is the same rule, 0 rows make an empty list either way (docs/TESTING.md)
  if (n <= 0) return [];
  const unit = new Decimal(10).pow(-places);
  const units = new Decimal(total).div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const base = units.divToInt(n);
  const left = units.minus(base.times(n)).toNumber();
  // Every row has the same remainder, so the earlier rows take the units left over.
  return Array.from({ length: n }, (_, i) => base.plus(i < left ? 1 : 0).times(unit).toFixed(places));
}
