import { z } from "zod";

/**
 * A whole number as a form sends it (a string), from `min` to `max`: whatever is wrong with it (not
 * a number, a decimal, out of range), the person reads the one message `message` names, which
 * says what to type.
 */
export function zWholeNumber(min: number, max: number, message: string) {
  return z.coerce.number({ message }).int({ message }).min(min, { message }).max(max, { message });
}
