import Link from "next/link";

export type TCalendarDay = { key: string; label: string; morning: TCalendarItem[]; afternoon: TCalendarItem[] };
export type TCalendarItem = { id: string; href: string; title: string; detail: string; isCancelled: boolean };

type TProps = {
  caption: string;
  days: TCalendarDay[];
  labels: { day: string; morning: string; afternoon: string; cancelled: string; free: string };
};

/** A calendar as a data table (one row per day, one column per half-day): readable by screen readers and at 375 px. */
export function SlotCalendar({ caption, days, labels }: TProps) {
  const cell = (items: TCalendarItem[]) =>
    items.length === 0 ? (
      <span className="muted">{labels.free}</span>
    ) : (
      <ul className="calendar-items">
        {items.map((item) => (
          <li key={item.id}>
            <Link href={item.href}>{item.title}</Link> <span className="muted">{item.detail}</span>
            {item.isCancelled && <strong> ({labels.cancelled})</strong>}
          </li>
        ))}
      </ul>
    );
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.day}</th>
            <th scope="col">{labels.morning}</th>
            <th scope="col">{labels.afternoon}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.key}>
              <th scope="row">{day.label}</th>
              <td>{cell(day.morning)}</td>
              <td>{cell(day.afternoon)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
