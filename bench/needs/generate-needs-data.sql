-- A national needs campaign for bench/needs (set-based, in PostgreSQL): 13 regions, :institutions
-- institutions with one relay site each, :agents agents (one manager per 10 agents, workplaces around
-- their institution), 8 themes, 16 courses (half in person), this year's campaign in every
-- institution and :needs needs (40 % retained, 20 % deferred, 10 % refused, 30 % undecided; 30 %
-- catalogue courses; 2 % withdrawn); each institution's training plan: one action per theme (five
-- backed by a catalogue course, three external trainings) answering its retained needs, and one
-- enrolment per agent in one of the courses (half completed this year), so that the plan's
-- execution reads real rows.
INSERT INTO "Region" (id, code, "nameFr", "nameEn")
SELECT 'reg-' || r, 'R' || r, 'Région ' || r, 'Region ' || r FROM generate_series(1, 13) r;

INSERT INTO "Institution" (id, code, name, "regionId")
SELECT 'inst-' || i, 'I' || i, 'Établissement ' || i, 'reg-' || (1 + i % 13) FROM generate_series(1, :institutions) i;

INSERT INTO "RelaySite" (id, code, name, "institutionId", "regionId", address, "postalCode", city, latitude, longitude)
SELECT 'site-' || i, 'S' || i, 'Site ' || i, 'inst-' || i, 'reg-' || (1 + i % 13), 'adresse', '00000', 'Ville',
       43 + (i % 13) * 0.5, (i % 7) * 0.8
FROM generate_series(1, :institutions) i;

INSERT INTO "Theme" (id, code, "nameFr", "nameEn")
SELECT 'theme-' || t, 'T' || t, 'Thème ' || t, 'Theme ' || t FROM generate_series(1, 8) t;

INSERT INTO "Course" (id, slug, "institutionId", "themeId", "trainingType", modality, "updatedAt")
SELECT 'course-' || c, 'course-' || c, 'inst-' || (1 + c % 120), 'theme-' || (1 + c % 8), 'T1_ADAPT_POST',
       (CASE WHEN c % 2 = 0 THEN 'IN_PERSON' ELSE 'ONLINE' END)::"Modality", now()
FROM generate_series(1, 16) c;

INSERT INTO "CourseVersion" (id, "courseId", number, status, title, "declaredDurationMinutes", "updatedAt")
SELECT 'version-' || c, 'course-' || c, 1, 'PUBLISHED', 'Formation ' || c, 420, now() FROM generate_series(1, 16) c;

-- Agents: agent a belongs to institution 1 + a % institutions; its manager is the first agent of its block of 10.
INSERT INTO "User" (id, email, name, "institutionId", "staffCategory", population, sex, "managerId",
                    "workplaceLat", "workplaceLng", "updatedAt")
SELECT 'user-' || a, 'user-' || a || '@bench.relais', 'Agent ' || a, 'inst-' || (1 + a % :institutions),
       (ARRAY['A', 'B', 'C'])[1 + a % 3]::"StaffCategory",
       (ARRAY['TEACHING_RESEARCH', 'ADMIN_TECHNICAL', 'CONTRACT'])[1 + (a / 3) % 3]::"StaffPopulation",
       (ARRAY['FEMALE', 'MALE', 'NOT_RECORDED'])[1 + (a / 9) % 3]::"Sex",
       NULL, 43 + ((1 + a % :institutions) % 13) * 0.5 + random() * 0.3, ((1 + a % :institutions) % 7) * 0.8 + random() * 0.3,
       now()
FROM generate_series(1, :agents) a;
-- Managers: user m (m ≡ 1..120 mod 1200, i.e. the first :institutions × 10 users) manage the agents of their institution in blocks.
UPDATE "User" SET "managerId" = 'user-' || (1 + (substr(id, 6)::int - 1) % (:institutions * 10))
WHERE substr(id, 6)::int > :institutions * 10;

INSERT INTO "RoleMembership" (id, "userId", role, "institutionId")
SELECT 'm-' || a, 'user-' || a, 'AGENT', 'inst-' || (1 + a % :institutions) FROM generate_series(1, :agents) a;

INSERT INTO "NeedsCampaign" (id, "institutionId", year, "opensAt", "closesAt")
SELECT 'camp-' || i, 'inst-' || i, :year, make_date(:year, 1, 1), make_date(:year, 12, 31) FROM generate_series(1, :institutions) i;

INSERT INTO "TrainingNeed" (id, "campaignId", "institutionId", "userId", "courseId", title, "themeId", "trainingType",
                            priority, justification, "staffCategory", population, sex, decision, "withdrawnAt",
                            "createdAt", "updatedAt")
SELECT 'need-' || n, 'camp-' || (1 + u % :institutions), 'inst-' || (1 + u % :institutions), 'user-' || u,
       CASE WHEN n % 10 < 3 THEN 'course-' || (1 + n % 16) END,
       CASE WHEN n % 10 < 3 THEN '' ELSE 'Besoin ' || n END,
       'theme-' || (1 + (CASE WHEN n % 10 < 3 THEN (1 + n % 16) % 8 ELSE n % 8 END)),
       'T1_ADAPT_POST', 'MEDIUM', 'Justification',
       (ARRAY['A', 'B', 'C'])[1 + u % 3]::"StaffCategory",
       (ARRAY['TEACHING_RESEARCH', 'ADMIN_TECHNICAL', 'CONTRACT'])[1 + (u / 3) % 3]::"StaffPopulation",
       (ARRAY['FEMALE', 'MALE', 'NOT_RECORDED'])[1 + (u / 9) % 3]::"Sex",
       (ARRAY['RETAINED', 'RETAINED', 'RETAINED', 'RETAINED', 'DEFERRED', 'DEFERRED', 'REFUSED', NULL, NULL, NULL])[1 + (n / 7) % 10]::"NeedDecision",
       CASE WHEN n % 50 = 0 THEN now() END,
       now() - (n % 300) * interval '1 hour', now()
FROM (SELECT n, (1 + (n::bigint * 7919) % :agents)::int AS u FROM generate_series(1, :needs) n) g;

INSERT INTO "TrainingPlanAction" (id, "campaignId", "institutionId", "themeId", "trainingType", kind, title, "courseId",
                                  "plannedAgents", "teachingBudgetCents", "venueBudgetCents", "missionBudgetCents", "updatedAt")
SELECT 'act-' || i || '-' || t, 'camp-' || i, 'inst-' || i, 'theme-' || t, 'T1_ADAPT_POST',
       (CASE WHEN t > 5 THEN 'EXTERNAL' WHEN (t + 7) % 2 = 0 THEN 'COURSE_SESSIONS' ELSE 'ONLINE_MODULE' END)::"PlanActionKind",
       'Action ' || t, CASE WHEN t <= 5 THEN 'course-' || (t + 7) END, 40, 150000, 50000, 80000, now()
FROM generate_series(1, :institutions) i, generate_series(1, 8) t;

UPDATE "TrainingNeed" SET "planActionId" = 'act-' || substr("institutionId", 6) || '-' || substr("themeId", 7)
WHERE decision = 'RETAINED';

-- Course 8 + (a / 7) % 9 (8..16): every course-backed action has thousands of enrolments nationally.
INSERT INTO "Enrolment" (id, "userId", "courseId", "courseVersionId", registration, status, "enrolledAt", "completedAt", "updatedAt")
SELECT 'enr-' || a, 'user-' || a, 'course-' || (8 + (a / 7) % 9), 'version-' || (8 + (a / 7) % 9), gen_random_uuid(),
       (CASE WHEN (a + a / :institutions) % 2 = 0 THEN 'COMPLETED' ELSE 'ACTIVE' END)::"EnrolmentStatus",
       make_date(:year, 1, 1) + (a % 300) * interval '1 day',
       CASE WHEN (a + a / :institutions) % 2 = 0 THEN make_date(:year, 1, 1) + (a % 300 + 5) * interval '1 day' END, now()
FROM generate_series(1, :agents) a;

ANALYZE;
