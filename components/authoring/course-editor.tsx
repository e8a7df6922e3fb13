"use client";
import { useState } from "react";
import type { JSONContent } from "@tiptap/react";
import type { TDraft, TDraftActivity } from "@/lib/authoring/draft-schema";
import type { TQuizContent } from "@/lib/learning/quiz";
import { LessonEditor } from "./lesson-editor";
import { QuizEditor } from "./quiz-editor";
import { useAutosave } from "./use-autosave";
import { VideoField, type TVideoFieldLabels } from "./video-field";
import { FileField, type TFileFieldLabels } from "./file-field";
import { PackageField, type TPackageFieldLabels } from "./package-field";
import { CourseFieldsForm, type TCourseFieldsLabels } from "./course-fields-form";
import { formatMessage } from "@/lib/i18n/format-message";

export type TEditorLabels = TCourseFieldsLabels & {
  modules: string;
  module: string;
  moduleTitle: string;
  addModule: string;
  removeModule: string;
  moveUp: string;
  moveDown: string;
  remove: string;
  addLesson: string;
  addQuiz: string;
  addVideo: string;
  addFile: string;
  addPackage: string;
  activityTitle: string;
  dragHint: string;
  kind: Record<TDraftActivity["kind"], string>;
  saving: string;
  saved: string;
  conflict: string;
  reload: string;
  error: string;
  publish: string;
  published: string;
  preview: string;
  transcript: string;
  video: TVideoFieldLabels;
  file: TFileFieldLabels;
  package: TPackageFieldLabels;
  editor: Parameters<typeof LessonEditor>[0]["labels"];
  quiz: Parameters<typeof QuizEditor>[0]["labels"];
};
type TProps = {
  courseId: string;
  versionId: string;
  revision: number;
  initial: TDraft;
  themes: { code: string; name: string }[];
  labels: TEditorLabels;
};

function move<T>(items: T[], from: number, to: number): T[] {
  if (to < 0 || to >= items.length) return items;
  const copy = [...items];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item!);
  return copy;
}

function newActivity(kind: TDraftActivity["kind"], title: string): TDraftActivity {
  if (kind === "LESSON")
    return { kind, title, isRequired: true, content: { type: "doc", content: [{ type: "paragraph" }] } };
  if (kind === "QUIZ")
    return { kind, title, isRequired: true, content: { passMark: 0.7, attemptLimit: 3, questions: [] } };
  return { kind, title, isRequired: true, content: {} };
}

/** The course editor: fields, modules, ordered activities; autosaved with conflict detection. */
export function CourseEditor({ courseId, versionId, revision: initialRevision, initial, themes, labels }: TProps) {
  const [draft, setDraft] = useState<TDraft>(initial);
  const [dragging, setDragging] = useState<{ module: number; activity: number } | null>(null);
  const [publishMessage, setPublishMessage] = useState("");
  const { state, revision } = useAutosave({
    url: `/trainer/courses/${courseId}/draft`,
    versionId,
    initialRevision,
    value: draft,
    backupKey: `relais.draft.${versionId}`,
  });

  const setModules = (modules: TDraft["modules"]) => setDraft((current) => ({ ...current, modules }));
  const setActivities = (moduleIndex: number, activities: TDraftActivity[]) =>
    setModules(draft.modules.map((module, index) => (index === moduleIndex ? { ...module, activities } : module)));
  const setActivity = (moduleIndex: number, activityIndex: number, activity: TDraftActivity) =>
    setActivities(
      moduleIndex,
      draft.modules[moduleIndex]!.activities.map((current, index) => (index === activityIndex ? activity : current)),
    );

  async function publish() {
    const response = await fetch(`/trainer/courses/${courseId}/publish`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ versionId, revision: revision.current }),
    });
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    setPublishMessage(
      response.ok
        ? labels.published
        : response.status === 409
          ? labels.conflict
          : formatMessage(labels.error, { message: body.message ?? String(response.status) }),
    );
    if (response.ok) window.setTimeout(() => window.location.reload(), 1500);
  }

  return (
    <div className="course-editor">
      <p role="status" aria-live="polite" className={state.kind === "error" ? "error-text" : "muted"}>
        {state.kind === "saving"
          ? labels.saving
          : state.kind === "saved"
            ? formatMessage(labels.saved, { revision: state.revision })
            : state.kind === "error"
              ? formatMessage(labels.error, { message: state.message })
              : ""}
      </p>
      {state.kind === "conflict" && (
        <div role="alert" className="error-text">
          <p>{labels.conflict}</p>
          <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
            {labels.reload}
          </button>
        </div>
      )}
      <CourseFieldsForm
        value={draft.course}
        themes={themes}
        labels={labels}
        onChange={(course) => setDraft((current) => ({ ...current, course }))}
      />

      <h2>{labels.modules}</h2>
      <p className="muted">{labels.dragHint}</p>
      {draft.modules.map((module, moduleIndex) => (
        <section key={moduleIndex} className="card" aria-labelledby={`module-${moduleIndex}-title`}>
          <h3 id={`module-${moduleIndex}-title`}>{formatMessage(labels.module, { number: moduleIndex + 1 })}</h3>
          <div className="form">
            <label htmlFor={`module-${moduleIndex}`}>{labels.moduleTitle}</label>
            <input
              id={`module-${moduleIndex}`}
              value={module.title}
              onChange={(event) =>
                setModules(
                  draft.modules.map((current, index) =>
                    index === moduleIndex ? { ...current, title: event.target.value } : current,
                  ),
                )
              }
            />
          </div>
          <div className="actions-row">
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => setModules(move(draft.modules, moduleIndex, moduleIndex - 1))}
              disabled={moduleIndex === 0}
            >
              {formatMessage(labels.moveUp, { title: module.title })}
            </button>
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => setModules(move(draft.modules, moduleIndex, moduleIndex + 1))}
              disabled={moduleIndex === draft.modules.length - 1}
            >
              {formatMessage(labels.moveDown, { title: module.title })}
            </button>
            <button
              type="button"
              className="button button-tertiary"
              onClick={() => setModules(draft.modules.filter((_, index) => index !== moduleIndex))}
            >
              {formatMessage(labels.removeModule, { number: moduleIndex + 1 })}
            </button>
          </div>
          <ol className="activity-list">
            {module.activities.map((activity, activityIndex) => {
              const id = `activity-${moduleIndex}-${activityIndex}`;
              return (
                <li
                  key={activity.key ?? id}
                  draggable
                  onDragStart={() => setDragging({ module: moduleIndex, activity: activityIndex })}
                  onDragOver={(event) => event.preventDefault()}
                  onDrop={(event) => {
                    event.preventDefault();
                    if (dragging && dragging.module === moduleIndex)
                      setActivities(moduleIndex, move(module.activities, dragging.activity, activityIndex));
                    setDragging(null);
                  }}
                  className="activity-item"
                >
                  <p className="badge">{labels.kind[activity.kind]}</p>
                  <div className="form">
                    <label htmlFor={`${id}-title`}>{labels.activityTitle}</label>
                    <input
                      id={`${id}-title`}
                      value={activity.title}
                      onChange={(event) =>
                        setActivity(moduleIndex, activityIndex, { ...activity, title: event.target.value })
                      }
                    />
                  </div>
                  {activity.kind === "LESSON" && (
                    <LessonEditor
                      id={`${id}-content`}
                      value={activity.content as JSONContent}
                      labels={labels.editor}
                      onChange={(content) =>
                        setActivity(moduleIndex, activityIndex, {
                          ...activity,
                          content: content as typeof activity.content,
                        })
                      }
                    />
                  )}
                  {activity.kind === "QUIZ" && (
                    <QuizEditor
                      id={`${id}-quiz`}
                      value={activity.content as TQuizContent}
                      labels={labels.quiz}
                      onChange={(content) => setActivity(moduleIndex, activityIndex, { ...activity, content })}
                    />
                  )}
                  {activity.kind === "VIDEO" && (
                    <VideoField
                      id={`${id}-video`}
                      assetId={activity.videoAssetId ?? null}
                      labels={labels.video}
                      onChange={(assetId) =>
                        setActivity(moduleIndex, activityIndex, { ...activity, videoAssetId: assetId })
                      }
                    />
                  )}
                  {activity.kind === "VIDEO" && (
                    <div className="form">
                      <label htmlFor={`${id}-transcript`}>{labels.transcript}</label>
                      <textarea
                        id={`${id}-transcript`}
                        value={typeof activity.content.transcript === "string" ? activity.content.transcript : ""}
                        onChange={(event) =>
                          setActivity(moduleIndex, activityIndex, {
                            ...activity,
                            content: { ...activity.content, transcript: event.target.value },
                          })
                        }
                      />
                    </div>
                  )}
                  {activity.kind === "PACKAGE" && (
                    <PackageField
                      id={`${id}-package`}
                      packageTitle={
                        typeof activity.content.packageTitle === "string" ? activity.content.packageTitle : null
                      }
                      labels={labels.package}
                      onChange={(imported) =>
                        setActivity(moduleIndex, activityIndex, {
                          ...activity,
                          packageId: imported.id,
                          content: { ...activity.content, packageTitle: imported.title },
                        })
                      }
                    />
                  )}
                  {activity.kind === "FILE" && (
                    <FileField
                      id={`${id}-document`}
                      fileName={typeof activity.content.fileName === "string" ? activity.content.fileName : null}
                      labels={labels.file}
                      onChange={(file) =>
                        setActivity(moduleIndex, activityIndex, {
                          ...activity,
                          fileId: file.id,
                          content: { ...activity.content, fileName: file.fileName },
                        })
                      }
                    />
                  )}
                  <div className="actions-row">
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() =>
                        setActivities(moduleIndex, move(module.activities, activityIndex, activityIndex - 1))
                      }
                      disabled={activityIndex === 0}
                    >
                      {formatMessage(labels.moveUp, { title: activity.title })}
                    </button>
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() =>
                        setActivities(moduleIndex, move(module.activities, activityIndex, activityIndex + 1))
                      }
                      disabled={activityIndex === module.activities.length - 1}
                    >
                      {formatMessage(labels.moveDown, { title: activity.title })}
                    </button>
                    <button
                      type="button"
                      className="button button-tertiary"
                      onClick={() =>
                        setActivities(
                          moduleIndex,
                          module.activities.filter((_, index) => index !== activityIndex),
                        )
                      }
                    >
                      {formatMessage(labels.remove, { title: activity.title })}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
          <div className="actions-row">
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                setActivities(moduleIndex, [...module.activities, newActivity("LESSON", labels.kind.LESSON)])
              }
            >
              {labels.addLesson}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                setActivities(moduleIndex, [...module.activities, newActivity("VIDEO", labels.kind.VIDEO)])
              }
            >
              {labels.addVideo}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setActivities(moduleIndex, [...module.activities, newActivity("QUIZ", labels.kind.QUIZ)])}
            >
              {labels.addQuiz}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setActivities(moduleIndex, [...module.activities, newActivity("FILE", labels.kind.FILE)])}
            >
              {labels.addFile}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() =>
                setActivities(moduleIndex, [...module.activities, newActivity("PACKAGE", labels.kind.PACKAGE)])
              }
            >
              {labels.addPackage}
            </button>
          </div>
        </section>
      ))}
      <p className="actions-row">
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            setModules([
              ...draft.modules,
              { title: formatMessage(labels.module, { number: draft.modules.length + 1 }), activities: [] },
            ])
          }
        >
          {labels.addModule}
        </button>
        <a className="button button-secondary" href={`/trainer/courses/${courseId}/preview`}>
          {labels.preview}
        </a>
        <button
          type="button"
          className="button"
          onClick={() => void publish()}
          disabled={state.kind === "saving" || state.kind === "conflict"}
        >
          {labels.publish}
        </button>
      </p>
      <p role="status">{publishMessage}</p>
    </div>
  );
}
