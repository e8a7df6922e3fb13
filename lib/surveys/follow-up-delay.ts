import "server-only";
import { env } from "../env";

/** Days after completion when the follow-up survey opens (RELAIS_FOLLOW_UP_DELAY_DAYS, a few months by default). */
export function followUpDelayDays(): number {
  return env().RELAIS_FOLLOW_UP_DELAY_DAYS;
}
