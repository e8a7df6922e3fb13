import Link from "next/link";
import type { TTranslate } from "@/lib/i18n/translate";

type TOutlineModule = {
  id: string;
  number: number;
  title: string;
  activities: { key: string; title: string; href: string; isCurrent: boolean; isDone?: boolean }[];
};

/** A course's modules and activities beside the player (and its preview): the current one marked, done ones said. */
export function CourseOutline({ t, outline }: { t: TTranslate; outline: TOutlineModule[] }) {
  return (
    <nav className="player-outline" aria-label={t("learning.player.outline")}>
      <h2>{t("learning.player.outline")}</h2>
      {outline.map((module) => (
        <section key={module.id} aria-labelledby={`module-${module.id}`}>
          <h3 id={`module-${module.id}`}>
            {t("learning.player.module", { number: module.number, title: module.title })}
          </h3>
          <ol>
            {module.activities.map((activity) => (
              <li key={activity.key}>
                <Link href={activity.href} aria-current={activity.isCurrent ? "page" : undefined}>
                  {activity.title}
                </Link>
                {activity.isDone && <span className="muted"> — {t("learning.player.done")}</span>}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </nav>
  );
}

/** An activity's lesson, rendered by the allowlist renderer (lib/learning/render-lesson-html.ts), or why it cannot be read. */
export function ActivityLesson({
  t,
  activity,
}: {
  t: TTranslate;
  activity: { isUnreadable: boolean; lessonHtml: string | null };
}) {
  return (
    <>
      {activity.isUnreadable && (
        <p role="alert" className="error-text">
          {t("learning.player.unreadable")}
        </p>
      )}
      {activity.lessonHtml !== null && (
        // Safe: produced by the allowlist renderer, never raw input.
        <div className="lesson prose" dangerouslySetInnerHTML={{ __html: activity.lessonHtml }} />
      )}
    </>
  );
}
