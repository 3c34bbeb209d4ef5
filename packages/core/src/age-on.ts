import { isIsoDate } from "./dates.ts";
import type { IsoDate } from "./types.ts";

/** 《劳动法》第十五条: employers may not hire minors under sixteen. */
export const MIN_WORKING_AGE = 16;

/**
 * Age in full years (周岁) on `today`. The new year of age starts on the birthday itself; someone
 * born on 29 February turns a year older on 1 March in common years (28 February is still before
 * the birthday). Negative when `today` is before `birthDate`. Throws a RangeError on a date that is
 * not `YYYY-MM-DD` on the calendar.
 */
export function ageOn(birthDate: IsoDate, today: IsoDate): number {
  if (!isIsoDate(birthDate)) throw new RangeError(`birthDate is not a calendar date: ${birthDate}`);
  if (!isIsoDate(today)) throw new RangeError(`today is not a calendar date: ${today}`);
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  // Comparing MM-DD strings is the calendar comparison within a year.
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** True when the person is at least `minAge` (default 16) full years old on `today`. */
export function isOfWorkingAge(birthDate: IsoDate, today: IsoDate, minAge: number = MIN_WORKING_AGE): boolean {
  return ageOn(birthDate, today) >= minAge;
}
