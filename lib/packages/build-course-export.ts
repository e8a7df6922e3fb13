// A Relais course as a package another LMS imports (pure): cmi5 (cmi5.xml, one block per module,
// one AU per activity) or SCORM 1.2 (imsmanifest.xml, one SCO per activity). Lessons become static
// HTML pages, quizzes forms scored in the page (a package has no server to score them: the answers
// travel with it), other activities a page with their title. Each page carries the run-time client.
import { escapeHtml, renderLessonHtml } from "../learning/render-lesson-html";
import { ZQuizContent, type TQuizContent } from "../learning/quiz";
import { CMI5_CLIENT, QUIZ_SCRIPT, SCORM12_CLIENT } from "./course-export-clients";

export type TExportActivity = { key: string; kind: string; title: string; content: unknown };
export type TExportCourse = {
  id: string;
  title: string;
  summary: string;
  language: "fr" | "en";
  baseIri: string;
  modules: { title: string; activities: TExportActivity[] }[];
};
export type TExportFile = { name: string; data: string };
export type TExportLabels = {
  done: string;
  submit: string;
  notExported: string;
  back: string;
  trueLabel: string;
  falseLabel: string;
};

function xml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function quizOf(activity: TExportActivity): TQuizContent | null {
  if (activity.kind !== "QUIZ") return null;
  const parsed = ZQuizContent.safeParse(activity.content);
  return parsed.success ? parsed.data : null;
}

function quizForm(quiz: TQuizContent, language: "fr" | "en", labels: TExportLabels): string {
  const text = (value: { fr: string; en?: string }) =>
    escapeHtml(language === "en" ? (value.en ?? value.fr) : value.fr);
  const questions = quiz.questions
    .map((question, index) => {
      const name = `q-${escapeHtml(question.id)}`;
      const choices =
        question.type === "short"
          ? `<input type="text" name="${name}" aria-labelledby="p-${index}">`
          : (question.type === "true_false"
              ? [
                  { id: "true", label: labels.trueLabel },
                  { id: "false", label: labels.falseLabel },
                ]
              : question.options.map((option) => ({ id: option.id, label: text(option.label) }))
            )
              .map(
                (option) =>
                  `<label><input type="${question.type === "multiple" ? "checkbox" : "radio"}" name="${name}" value="${escapeHtml(option.id)}"> ${option.label}</label>`,
              )
              .join("<br>");
      return `<fieldset><legend id="p-${index}">${text(question.prompt)}</legend>${choices}</fieldset>`;
    })
    .join("\n");
  return `<form id="quiz">${questions}<button type="submit">${escapeHtml(labels.submit)}</button> <output id="quiz-result"></output></form>
<script type="application/json" id="quiz-data">${inlineJson({ passMark: quiz.passMark, questions: quiz.questions })}</script>
<script src="../quiz.js"></script>`;
}

function page(course: TExportCourse, activity: TExportActivity, labels: TExportLabels): string {
  const quiz = quizOf(activity);
  const body =
    activity.kind === "LESSON"
      ? `${renderLessonHtml(activity.content)}<p><button type="button" onclick="this.disabled=true;RelaisAu.done()">${escapeHtml(labels.done)}</button></p>`
      : quiz
        ? quizForm(quiz, course.language, labels)
        : `<p>${escapeHtml(labels.notExported)}</p><p><button type="button" onclick="this.disabled=true;RelaisAu.done()">${escapeHtml(labels.done)}</button></p>`;
  return `<!doctype html>
<html lang="${course.language}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(activity.title)}</title>
<link rel="stylesheet" href="../style.css"><script src="../client.js"></script></head>
<body><main><p class="course">${escapeHtml(course.title)}</p><h1>${escapeHtml(activity.title)}</h1>
${body}
<p id="au-status" role="status"></p><p><a id="au-return" hidden>${escapeHtml(labels.back)}</a></p></main></body>
</html>
`;
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:48rem;margin:auto;padding:1rem;line-height:1.5}
fieldset{margin:1rem 0}button{font:inherit;padding:.4rem 1rem}.course{color:#555}img{max-width:100%}`;

function activitiesOf(course: TExportCourse) {
  return course.modules.flatMap((module, moduleIndex) =>
    module.activities.map((activity, index) => ({
      activity,
      moduleIndex,
      path: `m${moduleIndex + 1}a${index + 1}/index.html`,
    })),
  );
}

/** The files of the cmi5 package: cmi5.xml, one page per AU, the client, the quiz script and the style. */
export function buildCmi5Export(course: TExportCourse, labels: TExportLabels): TExportFile[] {
  const all = activitiesOf(course);
  const lang = course.language === "en" ? "en-US" : "fr-FR";
  const langstring = (value: string) => `<langstring lang="${lang}">${xml(value)}</langstring>`;
  const blocks = course.modules
    .map((module, moduleIndex) => {
      const aus = all
        .filter((entry) => entry.moduleIndex === moduleIndex)
        .map(({ activity, path }) => {
          const quiz = quizOf(activity);
          const moveOn = quiz ? ` moveOn="Passed" masteryScore="${quiz.passMark}"` : ` moveOn="Completed"`;
          return `    <au id="${xml(`${course.baseIri}/activities/${encodeURIComponent(activity.key)}`)}"${moveOn} launchMethod="AnyWindow">
      <title>${langstring(activity.title)}</title>
      <description>${langstring(activity.title)}</description>
      <url>${xml(path)}</url>
    </au>`;
        })
        .join("\n");
      return `  <block id="${xml(`${course.baseIri}/modules/${moduleIndex + 1}`)}">
    <title>${langstring(module.title)}</title>
    <description>${langstring(module.title)}</description>
${aus}
  </block>`;
    })
    .join("\n");
  const structure = `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xml(course.baseIri)}">
    <title>${langstring(course.title)}</title>
    <description>${langstring(course.summary || course.title)}</description>
  </course>
${blocks}
</courseStructure>
`;
  return [
    { name: "cmi5.xml", data: structure },
    { name: "client.js", data: CMI5_CLIENT },
    { name: "quiz.js", data: QUIZ_SCRIPT },
    { name: "style.css", data: STYLE },
    ...all.map(({ activity, path }) => ({ name: path, data: page(course, activity, labels) })),
  ];
}

/** The files of the SCORM 1.2 package: imsmanifest.xml (one item per activity, grouped by module) and the same pages. */
export function buildScorm12Export(course: TExportCourse, labels: TExportLabels): TExportFile[] {
  const all = activitiesOf(course);
  const items = course.modules
    .map((module, moduleIndex) => {
      const children = all
        .filter((entry) => entry.moduleIndex === moduleIndex)
        .map(({ activity }, index) => {
          const quiz = quizOf(activity);
          return `        <item identifier="I-${moduleIndex + 1}-${index + 1}" identifierref="R-${moduleIndex + 1}-${index + 1}">
          <title>${xml(activity.title)}</title>${quiz ? `\n          <adlcp:masteryscore>${Math.round(quiz.passMark * 100)}</adlcp:masteryscore>` : ""}
        </item>`;
        })
        .join("\n");
      return `      <item identifier="M-${moduleIndex + 1}">
        <title>${xml(module.title)}</title>
${children}
      </item>`;
    })
    .join("\n");
  const resources = all
    .map(({ path }, index) => {
      const [moduleIndex, activityIndex] = /^m(\d+)a(\d+)/.exec(path)!.slice(1);
      void index;
      return `    <resource identifier="R-${moduleIndex}-${activityIndex}" type="webcontent" adlcp:scormtype="sco" href="${xml(path)}">
      <file href="${xml(path)}"/>
    </resource>`;
    })
    .join("\n");
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(course.id)}" version="1.0" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="ORG">
    <organization identifier="ORG">
      <title>${xml(course.title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${resources}
  </resources>
</manifest>
`;
  return [
    { name: "imsmanifest.xml", data: manifest },
    { name: "client.js", data: SCORM12_CLIENT },
    { name: "quiz.js", data: QUIZ_SCRIPT },
    { name: "style.css", data: STYLE },
    ...all.map(({ activity, path }) => ({ name: path, data: page(course, activity, labels) })),
  ];
}
