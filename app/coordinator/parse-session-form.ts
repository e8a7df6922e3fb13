import type { TLocalSessionTimes } from "@/lib/sessions/schedule-in-local-time";

const field = (formData: FormData, name: string) => String(formData.get(name) ?? "");

/**
 * The scheduling form's fields as local dates and half-days, one slot per filled date row. No
 * database here: lib/sessions/schedule-in-local-time.ts checks the right, then converts to instants.
 */
export function parseSessionForm(formData: FormData): TLocalSessionTimes {
  const halfDays = formData.getAll("halfDay").map(String);
  const rooms = formData.getAll("roomId").map(String);
  const trainers = formData.getAll("trainerId").map(String);
  const slots = formData
    .getAll("date")
    .map(String)
    .flatMap((date, index) =>
      date
        ? [
            {
              date,
              halfDay: halfDays[index] === "AFTERNOON" ? ("AFTERNOON" as const) : ("MORNING" as const),
              roomId: rooms[index] ?? "",
              trainerIds: trainers[index] ? [trainers[index]] : [],
            },
          ]
        : [],
    );
  return {
    capacity: field(formData, "capacity"),
    registrationDeadline: field(formData, "registrationDeadline"),
    slots,
  };
}
