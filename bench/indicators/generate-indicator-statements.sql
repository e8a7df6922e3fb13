-- The xAPI statements behind the generated enrolments (10 million statements at national
-- scale), generated inside PostgreSQL after generate-indicator-data.sql. :statements, :homepage
-- and :from / :to (a slice of enrolments, so that the bench can insert in several transactions)
-- are substituted by run-indicators-bench.ts.
-- Each enrolment gets its share of the statements, in the shape Relais's player writes them
-- (lib/learning/xapi-statement.ts) and with the columns the LRS extracts
-- (lib/lrs/statement-columns.ts): launched the course, then progressed / answered / played on its
-- activities (course as parent and grouping), and finally completed the course at completedAt
-- (scaled score when the enrolment has one) or terminated; registration = the enrolment's,
-- actor = the agent's account, authority = Relais acting for the learner, as learner writes are.
WITH numbered AS (
  SELECT e.id, e."userId", e.registration, e.status, e."scaledScore", e."enrolledAt", e."completedAt", c.slug, u."institutionId",
    row_number() OVER (ORDER BY e.id) AS r, (SELECT count(*) FROM "Enrolment") AS total
  FROM "Enrolment" e JOIN "Course" c ON c.id = e."courseId" JOIN "User" u ON u.id = e."userId"
), sliced AS (
  SELECT n.*, greatest(2, :statements / n.total + CASE WHEN n.r <= :statements % n.total THEN 1 ELSE 0 END)::int AS count,
    ':homepage/xapi/activities/courses/' || n.slug AS course, 'account::homepage ' || n."userId" AS actor,
    n.status = 'COMPLETED' AS "isCompleted", coalesce(n."completedAt", n."enrolledAt" + interval '10 days') AS "endsAt"
  FROM numbered n WHERE n.r > :from AND n.r <= :to
), statements AS (
  SELECT s.*, j,
    CASE WHEN j = 0 THEN 'launched' WHEN j = s.count - 1 AND s."isCompleted" THEN 'completed' WHEN j = s.count - 1 THEN 'terminated'
      WHEN j % 3 = 1 THEN 'progressed' WHEN j % 3 = 2 THEN 'answered' ELSE 'played' END AS verb,
    -- The last statement of a completed enrolment is exactly at completedAt, the others spread before it.
    CASE WHEN j = s.count - 1 THEN s."endsAt" ELSE s."enrolledAt" + (s."endsAt" - s."enrolledAt") * j / s.count END AS at
  FROM sliced s, generate_series(0, s.count - 1) j
), shaped AS (
  SELECT t.*, md5(t.id || '/' || t.j)::uuid AS "statementId",
    CASE WHEN t.verb IN ('launched', 'completed', 'terminated') THEN t.course
      WHEN t.verb = 'progressed' THEN t.course || '/activities/lesson-' || (t.j % 5)
      WHEN t.verb = 'answered' THEN t.course || '/activities/quiz/questions/q' || (t.j % 7)
      ELSE t.course || '/activities/video-1' END AS object,
    CASE WHEN t.verb IN ('launched', 'completed', 'terminated') THEN 'http://adlnet.gov/expapi/activities/course'
      WHEN t.verb = 'progressed' THEN 'http://adlnet.gov/expapi/activities/lesson'
      WHEN t.verb = 'answered' THEN 'http://adlnet.gov/expapi/activities/cmi.interaction'
      ELSE 'https://w3id.org/xapi/video/activity-type/video' END AS type,
    CASE WHEN t.verb = 'played' THEN 'https://w3id.org/xapi/video/verbs/played' ELSE 'http://adlnet.gov/expapi/verbs/' || t.verb END AS "verbId"
  FROM statements t
)
INSERT INTO "XapiStatement" (id, statement, "actorIfi", "verbId", "objectActivityId", registration, timestamp, stored, "relatedAgents", "relatedActivities", "writerUserId", "institutionId")
SELECT s."statementId",
  (jsonb_build_object(
    'id', s."statementId", 'version', '1.0.0',
    'timestamp', to_char(s.at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'stored', to_char(s.at + interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'actor', jsonb_build_object('objectType', 'Agent', 'account', jsonb_build_object('homePage', ':homepage', 'name', s."userId")),
    'verb', jsonb_build_object('id', s."verbId", 'display', jsonb_build_object('en-US', s.verb)),
    'object', jsonb_build_object('objectType', 'Activity', 'id', s.object, 'definition', jsonb_build_object('type', s.type)),
    'context', jsonb_build_object('registration', s.registration, 'platform', 'Relais', 'language', 'fr-FR',
      'contextActivities', CASE WHEN s.object = s.course THEN '{}'::jsonb ELSE jsonb_build_object(
        'parent', jsonb_build_array(jsonb_build_object('objectType', 'Activity', 'id', s.course, 'definition', jsonb_build_object('type', 'http://adlnet.gov/expapi/activities/course'))),
        'grouping', jsonb_build_array(jsonb_build_object('objectType', 'Activity', 'id', s.course, 'definition', jsonb_build_object('type', 'http://adlnet.gov/expapi/activities/course')))) END),
    'authority', jsonb_build_object('objectType', 'Group', 'member', jsonb_build_array(
      jsonb_build_object('objectType', 'Agent', 'name', 'Relais', 'account', jsonb_build_object('homePage', ':homepage', 'name', 'relais')),
      jsonb_build_object('objectType', 'Agent', 'account', jsonb_build_object('homePage', ':homepage', 'name', s."userId")))))
  || CASE
    WHEN s.verb = 'completed' THEN jsonb_build_object('result', jsonb_build_object('completion', true, 'duration', 'PT' || (1 + s.j % 50) || 'M')
      || CASE WHEN s."scaledScore" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('success', s."scaledScore" >= 0.5, 'score', jsonb_build_object('scaled', s."scaledScore")) END)
    WHEN s.verb = 'progressed' THEN jsonb_build_object('result', jsonb_build_object('extensions', jsonb_build_object('https://w3id.org/xapi/cmi5/result/extensions/progress', (100 * s.j / s.count))))
    WHEN s.verb = 'answered' THEN jsonb_build_object('result', jsonb_build_object('success', s.j % 4 <> 0, 'response', 'choice-' || (s.j % 4)))
    WHEN s.verb = 'played' THEN jsonb_build_object('result', jsonb_build_object('extensions', jsonb_build_object('https://w3id.org/xapi/video/extensions/time', s.j % 600)))
    ELSE '{}'::jsonb END)::json,
  -- Enrolment times are UTC timestamps without a zone; the statement columns are timestamptz.
  s.actor, s."verbId", s.object, s.registration, s.at AT TIME ZONE 'UTC', (s.at + interval '1 second') AT TIME ZONE 'UTC',
  ARRAY[s.actor, 'account::homepage relais'],
  CASE WHEN s.object = s.course THEN ARRAY[s.course] ELSE ARRAY[s.object, s.course] END,
  s."userId", s."institutionId"
FROM shaped s
