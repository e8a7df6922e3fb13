"use client";
import { useState } from "react";
import type { TActionResult } from "@/lib/auth/authed-action";
import { FieldError, fieldErrorProps } from "@/components/forms/field-error";
import { useKeptFormAction } from "@/components/forms/use-kept-form-action";

type TProps = {
  action: (previous: TActionResult | null, input: FormData) => Promise<TActionResult>;
  sites: { id: string; name: string; rooms: { id: string; name: string; capacity: number }[] }[];
  versions: { id: string; title: string }[];
  trainers: { id: string; name: string }[];
  /** Moving an existing session: its id; the site and course are fixed. */
  sessionId?: string;
  labels: Record<
    | "site"
    | "course"
    | "capacity"
    | "deadline"
    | "slot"
    | "date"
    | "halfDay"
    | "morning"
    | "afternoon"
    | "room"
    | "trainer"
    | "submit"
    | "busy"
    | "done"
    | "optional",
    string
  >;
};

const SLOT_ROWS = 4;

/** The session form: up to four half-days, each with a date, a room and a trainer. Clashes come back from the server. */
export function ScheduleSessionForm({ action, sites, versions, trainers, labels, sessionId }: TProps) {
  // A refused schedule keeps its four half-days; a new session empties the form once created.
  const { state, isPending, formRef, formAction, onSubmit, errorFor } = useKeptFormAction(action, {
    resetOnSuccess: !sessionId,
  });
  const capacityError = errorFor("capacity");
  const deadlineError = errorFor("registrationDeadline");
  const [siteId, setSiteId] = useState(sites[0]?.id ?? "");
  const rooms = sites.find((site) => site.id === siteId)?.rooms ?? [];
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} className="form" aria-describedby="schedule-status">
      {sessionId ? (
        <>
          <input type="hidden" name="sessionId" value={sessionId} />
          <input type="hidden" name="siteId" value={siteId} />
        </>
      ) : (
        <>
          <label htmlFor="schedule-site">{labels.site}</label>
          <select id="schedule-site" name="siteId" value={siteId} onChange={(event) => setSiteId(event.target.value)}>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
          <label htmlFor="schedule-course">{labels.course}</label>
          <select id="schedule-course" name="courseVersionId" required>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {version.title}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor="schedule-capacity">{labels.capacity}</label>
      <input
        id="schedule-capacity"
        name="capacity"
        type="number"
        min={1}
        required
        defaultValue={10}
        {...fieldErrorProps("schedule-capacity-error", capacityError)}
      />
      <FieldError id="schedule-capacity-error" message={capacityError} />
      <label htmlFor="schedule-deadline">{labels.deadline}</label>
      <input
        id="schedule-deadline"
        name="registrationDeadline"
        type="date"
        required
        {...fieldErrorProps("schedule-deadline-error", deadlineError)}
      />
      <FieldError id="schedule-deadline-error" message={deadlineError} />
      {Array.from({ length: SLOT_ROWS }, (_, index) => (
        <fieldset key={index} className="slot-row">
          <legend>{`${labels.slot} ${index + 1}${index > 0 ? ` (${labels.optional})` : ""}`}</legend>
          <div>
            <label htmlFor={`slot-date-${index}`}>{labels.date}</label>
            <input id={`slot-date-${index}`} name="date" type="date" required={index === 0} />
          </div>
          <div>
            <label htmlFor={`slot-halfday-${index}`}>{labels.halfDay}</label>
            <select
              id={`slot-halfday-${index}`}
              name="halfDay"
              defaultValue={index % 2 === 0 ? "MORNING" : "AFTERNOON"}
            >
              <option value="MORNING">{labels.morning}</option>
              <option value="AFTERNOON">{labels.afternoon}</option>
            </select>
          </div>
          <div>
            <label htmlFor={`slot-room-${index}`}>{labels.room}</label>
            <select id={`slot-room-${index}`} name="roomId">
              {rooms.map((room) => (
                <option key={room.id} value={room.id}>{`${room.name} (${room.capacity})`}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`slot-trainer-${index}`}>{labels.trainer}</label>
            <select id={`slot-trainer-${index}`} name="trainerId">
              {trainers.map((trainer) => (
                <option key={trainer.id} value={trainer.id}>
                  {trainer.name}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
      ))}
      <button type="submit" className="button" disabled={isPending} aria-busy={isPending}>
        {isPending ? labels.busy : labels.submit}
      </button>
      <p id="schedule-status" role="status" className={state?.ok === false ? "error-text" : "success-text"}>
        {state ? (state.ok ? labels.done : state.message) : ""}
      </p>
    </form>
  );
}
