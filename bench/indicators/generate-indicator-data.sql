-- Synthetic national data for the indicators benchmark, generated inside PostgreSQL (fast,
-- deterministic: no random(), only arithmetic on the series index). :agents is substituted.
INSERT INTO "Region" (id, code, "nameFr", "nameEn") SELECT 'r' || i, 'R' || i, 'Région ' || i, 'Region ' || i FROM generate_series(1, 13) i;
INSERT INTO "Institution" (id, code, name, "regionId") SELECT 'i' || i, 'I' || i, 'Établissement ' || i, 'r' || (1 + i % 13) FROM generate_series(1, 120) i;
INSERT INTO "Theme" (id, code, "nameFr", "nameEn") SELECT 't' || i, 'T' || i, 'Thème ' || i, 'Theme ' || i FROM generate_series(1, 12) i;
INSERT INTO "Course" (id, slug, "institutionId", "themeId", "trainingType", modality, "updatedAt")
  SELECT 'c' || i, 'course-' || i, 'i' || (1 + i % 120), 't' || (1 + i % 12),
    (ARRAY['STATUTORY','T1_ADAPT_POST','T2_JOB_CHANGE','T3_QUALIFICATION','EXAM_PREPARATION','SKILLS_ASSESSMENT'])[1 + i % 6]::"TrainingType",
    (ARRAY['ONLINE','ONLINE','IN_PERSON','HYBRID'])[1 + i % 4]::"Modality", now()
  FROM generate_series(1, 600) i;
INSERT INTO "CourseVersion" (id, "courseId", number, status, title, "declaredDurationMinutes", "updatedAt")
  SELECT 'v' || i, 'c' || i, 1, 'PUBLISHED', 'Cours ' || i, 60 * (1 + i % 12), now() FROM generate_series(1, 600) i;
INSERT INTO "RelaySite" (id, code, name, "institutionId", "regionId", address, "postalCode", city, latitude, longitude)
  SELECT 's' || i, 'S' || i, 'Site ' || i, 'i' || (1 + i % 120), 'r' || (1 + (1 + i % 120) % 13), 'rue', '00000', 'Ville', 43 + (i % 70) / 10.0, -1 + (i % 80) / 10.0 FROM generate_series(1, 240) i;
INSERT INTO "Room" (id, "siteId", name, capacity) SELECT 'room' || i, 's' || i, 'Salle', 20 FROM generate_series(1, 240) i;
INSERT INTO "User" (id, email, name, "institutionId", "staffCategory", population, sex, "workplaceLat", "workplaceLng", "updatedAt")
  SELECT 'u' || i, 'agent' || i || '@bench.relais', 'Agent ' || i, 'i' || (1 + i % 120),
    (ARRAY['A','B','C'])[1 + i % 3]::"StaffCategory", (ARRAY['TEACHING_RESEARCH','ADMIN_TECHNICAL','CONTRACT'])[1 + (i / 3) % 3]::"StaffPopulation",
    (ARRAY['FEMALE','MALE','NOT_RECORDED'])[1 + (i / 9) % 3]::"Sex", 43 + (i % 700) / 100.0, -1 + (i % 800) / 100.0, now()
  FROM generate_series(1, :agents) i;
-- Two to three enrolments per agent over two years; about 60 % completed.
INSERT INTO "Enrolment" (id, "userId", "courseId", "courseVersionId", registration, status, "scaledScore", "enrolledAt", "completedAt", "updatedAt")
  SELECT 'e' || i || '-' || k, 'u' || i, 'c' || c, 'v' || c, md5(i || '-' || k)::uuid,
    (CASE WHEN (i + k) % 5 < 3 THEN 'COMPLETED' WHEN (i + k) % 5 = 3 THEN 'ACTIVE' ELSE 'CANCELLED' END)::"EnrolmentStatus",
    CASE WHEN (i + k) % 5 < 3 AND c % 2 = 0 THEN 0.5 + (i % 50) / 100.0 END,
    timestamp '2025-01-01' + ((i * 7 + k * 131) % 690) * interval '1 day',
    CASE WHEN (i + k) % 5 < 3 THEN timestamp '2025-01-01' + ((i * 7 + k * 131) % 690 + 10) * interval '1 day' END, now()
  FROM generate_series(1, :agents) i, generate_series(1, 2 + (i % 2)) k, LATERAL (SELECT 1 + ((i * 13 + k * 97) % 600) AS c) course;
-- In-person sessions: 4 half-day slots each; one agent in forty attends one.
INSERT INTO "TrainingSession" (id, "courseId", "courseVersionId", "siteId", capacity, "registrationDeadline", status, "updatedAt")
  SELECT 'ts' || i, 'c' || (3 + 4 * (i % 150)), 'v' || (3 + 4 * (i % 150)), 's' || (1 + i % 240), 20, timestamp '2025-01-01' + (i % 600) * interval '1 day', 'DONE', now() FROM generate_series(1, 2000) i;
INSERT INTO "SessionSlot" (id, "sessionId", "roomId", "halfDay", "startsAt", "endsAt")
  SELECT 'sl' || i || '-' || k, 'ts' || i, 'room' || (1 + i % 240), (CASE WHEN k % 2 = 0 THEN 'MORNING' ELSE 'AFTERNOON' END)::"HalfDay",
    timestamp '2025-01-10' + (i % 600) * interval '1 day' + (k / 2) * interval '1 day' + (CASE WHEN k % 2 = 0 THEN 9 ELSE 14 END) * interval '1 hour',
    timestamp '2025-01-10' + (i % 600) * interval '1 day' + (k / 2) * interval '1 day' + (CASE WHEN k % 2 = 0 THEN 12 ELSE 17 END) * interval '1 hour'
  FROM generate_series(1, 2000) i, generate_series(0, 3) k;
INSERT INTO "Registration" (id, "sessionId", "userId", status, "distanceKm", "updatedAt")
  SELECT 'rg' || i, 'ts' || (1 + (i / 40) % 2000), 'u' || i, 'CONFIRMED', (i % 90)::float, now() FROM generate_series(40, :agents, 40) i;
INSERT INTO "Attendance" (id, "slotId", "userId", "registrationId", "isPresent", method)
  SELECT 'at' || i || '-' || k, 'sl' || (1 + (i / 40) % 2000) || '-' || k, 'u' || i, 'rg' || i, (i + k) % 10 <> 0, 'ROLL_CALL' FROM generate_series(40, :agents, 40) i, generate_series(0, 3) k;
INSERT INTO "SurveyResponse" (id, kind, "userId", "courseId", answers, "submittedAt")
  SELECT 'sv' || e.id, 'SATISFACTION', e."userId", e."courseId", jsonb_build_object('overall', 1 + length(e.id) % 5, 'content', 4), e."completedAt" + interval '1 day'
  FROM "Enrolment" e WHERE e.status = 'COMPLETED' AND right(e.id, 1) = '1' AND length(e.id) % 3 = 0;
INSERT INTO "Headcount" (id, "institutionId", year, "staffCategory", population, sex, count, "updatedAt")
  SELECT 'h' || i || '-' || y || '-' || c || p || s, 'i' || i, y, c::"StaffCategory", p::"StaffPopulation", s::"Sex", 50 + (i * 7) % 300, now()
  FROM generate_series(1, 120) i, unnest(ARRAY[2025, 2026]) y, unnest(ARRAY['A','B','C']) c, unnest(ARRAY['TEACHING_RESEARCH','ADMIN_TECHNICAL','CONTRACT']) p, unnest(ARRAY['FEMALE','MALE','NOT_RECORDED']) s;
ANALYZE;
