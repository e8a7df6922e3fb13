// The small run-time clients the exported AUs and SCOs carry (lib/packages/build-course-export.ts):
// plain browser scripts, no dependency. Each page calls RelaisAu.done() (a lesson read) or
// RelaisAu.score(scaled) (a quiz answered); the client reports it to the LMS that launched it.

/**
 * cmi5 (cmi5 §8–§11): reads the launch parameters, POSTs the fetch URL once for the auth-token,
 * reads LMS.LaunchData and cmi5LearnerPreferences, then initialized; completed for a lesson,
 * passed or failed against the masteryScore for a quiz (only in Normal launch mode); terminated
 * at the end or when the page goes away.
 */
export const CMI5_CLIENT = `(function () {
  var V = "http://adlnet.gov/expapi/verbs/", C = "https://w3id.org/xapi/cmi5/context/";
  var verbs = { initialized: V + "initialized", completed: V + "completed", passed: V + "passed", failed: V + "failed", terminated: V + "terminated" };
  var q = new URLSearchParams(location.search);
  var endpoint = q.get("endpoint"), actor = JSON.parse(q.get("actor") || "null"), registration = q.get("registration"), activityId = q.get("activityId");
  var started = Date.now(), auth = null, launch = null, ready, isTerminated = false;
  function status(text) { var el = document.getElementById("au-status"); if (el) el.textContent = text; }
  function uuid() { return crypto.randomUUID ? crypto.randomUUID() : "10000000-1000-4000-8000-100000000000".replace(/[018]/g, function (c) { return (c ^ (crypto.getRandomValues(new Uint8Array(1))[0] & (15 >> (c / 4)))).toString(16); }); }
  function duration() { return "PT" + ((Date.now() - started) / 1000).toFixed(2) + "S"; }
  function xapi(method, path, body, keepalive) {
    return fetch(endpoint + path, { method: method, keepalive: !!keepalive, headers: { "X-Experience-API-Version": "1.0.3", Authorization: auth, "Content-Type": "application/json" }, body: body ? JSON.stringify(body) : undefined });
  }
  function send(verb, result, keepalive) {
    var context = JSON.parse(JSON.stringify(launch.contextTemplate || {}));
    context.registration = registration;
    context.contextActivities = context.contextActivities || {};
    var isMoveOn = verb === "completed" || verb === "passed" || verb === "failed";
    context.contextActivities.category = [{ id: C + "categories/cmi5" }].concat(isMoveOn ? [{ id: C + "categories/moveon" }] : []);
    context.extensions = context.extensions || {};
    if ((verb === "passed" || verb === "failed") && typeof launch.masteryScore === "number") context.extensions[C + "extensions/masteryscore"] = launch.masteryScore;
    var id = uuid();
    return xapi("PUT", "/statements?statementId=" + id, { id: id, timestamp: new Date().toISOString(), actor: actor, verb: { id: verbs[verb], display: { "en-US": verb } }, object: { id: activityId }, result: result, context: context }, keepalive).then(function (response) {
      if (!response.ok) throw new Error(verb + ": " + response.status);
    });
  }
  ready = fetch(q.get("fetch"), { method: "POST" }).then(function (r) { return r.json(); }).then(function (token) {
    if (!token["auth-token"]) throw new Error("fetch: " + token["error-code"]);
    auth = "Basic " + token["auth-token"];
    return xapi("GET", "/activities/state?" + new URLSearchParams({ stateId: "LMS.LaunchData", activityId: activityId, agent: JSON.stringify(actor), registration: registration }));
  }).then(function (r) { return r.json(); }).then(function (data) {
    launch = data;
    return xapi("GET", "/agents/profile?" + new URLSearchParams({ profileId: "cmi5LearnerPreferences", agent: JSON.stringify(actor) }));
  }).then(function () { return send("initialized"); }).catch(function (error) { status(String(error)); throw error; });
  function finish() {
    if (isTerminated) return Promise.resolve();
    isTerminated = true;
    return send("terminated", { duration: duration() }, true).then(function () {
      status(document.documentElement.lang === "en" ? "Recorded." : "Enregistré.");
      if (launch.returnURL) { var a = document.getElementById("au-return"); if (a) { a.href = launch.returnURL; a.hidden = false; } }
    });
  }
  var isNormal = function () { return (launch.launchMode || "Normal") === "Normal"; };
  window.RelaisAu = {
    done: function () { return ready.then(function () { return isNormal() ? send("completed", { completion: true, duration: duration() }) : null; }).then(finish); },
    score: function (scaled) {
      return ready.then(function () {
        if (!isNormal()) return null;
        var mastery = typeof launch.masteryScore === "number" ? launch.masteryScore : 0;
        var isPassed = scaled >= mastery;
        return send(isPassed ? "passed" : "failed", { success: isPassed, score: { scaled: scaled }, duration: duration() });
      }).then(finish);
    }
  };
  addEventListener("pagehide", function () { if (launch && !isTerminated) finish(); });
})();`;

/** SCORM 1.2 (RTE 3.4): the API found up the frames; the lesson status and the raw score (0–100). */
export const SCORM12_CLIENT = `(function () {
  function findApi(win) { for (var i = 0; win && i < 10; i++) { if (win.API) return win.API; if (win.parent === win) break; win = win.parent; } return (window.opener && window.opener.API) || null; }
  var api = findApi(window), started = Date.now(), finished = false;
  if (api) api.LMSInitialize("");
  function time() { var s = Math.round((Date.now() - started) / 1000); var p = function (n) { return (n < 10 ? "0" : "") + n; }; return p(Math.floor(s / 3600)) + ":" + p(Math.floor(s / 60) % 60) + ":" + p(s % 60); }
  function finish() { if (!api || finished) return; finished = true; api.LMSSetValue("cmi.core.session_time", time()); api.LMSCommit(""); api.LMSFinish(""); var el = document.getElementById("au-status"); if (el) el.textContent = document.documentElement.lang === "en" ? "Recorded." : "Enregistré."; }
  window.RelaisAu = {
    done: function () { if (api) api.LMSSetValue("cmi.core.lesson_status", "completed"); finish(); return Promise.resolve(); },
    score: function (scaled, passMark) {
      if (api) { api.LMSSetValue("cmi.core.score.min", "0"); api.LMSSetValue("cmi.core.score.max", "100"); api.LMSSetValue("cmi.core.score.raw", String(Math.round(scaled * 100))); api.LMSSetValue("cmi.core.lesson_status", scaled >= passMark ? "passed" : "failed"); }
      finish(); return Promise.resolve();
    }
  };
  addEventListener("pagehide", finish);
})();`;

/** Scores the quiz form in the page as Relais does (lib/learning/quiz.ts scoreQuiz): each question counts the same. */
export const QUIZ_SCRIPT = `(function () {
  var quiz = JSON.parse(document.getElementById("quiz-data").textContent);
  function norm(v) { return String(v).normalize("NFD").replace(/[\\u0300-\\u036f]/g, "").trim().toLowerCase().replace(/\\s+/g, " "); }
  document.getElementById("quiz").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target, correct = 0;
    quiz.questions.forEach(function (question) {
      var values = Array.prototype.slice.call(form.querySelectorAll('[name="q-' + question.id + '"]')).filter(function (el) { return el.type === "text" || el.checked; }).map(function (el) { return el.value; });
      var ok;
      if (question.type === "short") ok = values.length === 1 && question.answer.some(function (a) { return norm(a) === norm(values[0]); });
      else if (question.type === "true_false") ok = values.length === 1 && values[0] === String(question.answer[0]);
      else ok = values.length === question.answer.length && question.answer.every(function (a) { return values.indexOf(a) >= 0; });
      if (ok) correct++;
    });
    var scaled = Math.round(correct / quiz.questions.length * 10000) / 10000;
    document.getElementById("quiz-result").textContent = Math.round(scaled * 100) + " %";
    form.querySelector("button").disabled = true;
    window.RelaisAu.score(scaled, quiz.passMark);
  });
})();`;
