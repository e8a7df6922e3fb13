-- Networks benchmark data (bench/networks/run-networks-bench.ts), set-based: :networks networks,
-- :users people holding :members memberships, :posts posts in threads of ~10 posts, plus one
-- thread of 1,001 posts in network 0 (the "thread page of 1,000 replies"). Text is French words
-- (frequent and rare: a Zipf-like draw over a common vocabulary plus one rare "topic" word per post).
-- The GIN indexes are dropped by the runner before this script and rebuilt after it.
CREATE TEMP TABLE bench_words AS
SELECT row_number() OVER () - 1 AS i, w FROM unnest(string_to_array(
  'formation agent service établissement session accueil évaluation compétence parcours entretien '
  'mobilité carrière concours habilitation sécurité prévention numérique management projet équipe '
  'réseau région université recherche laboratoire bibliothèque comptabilité budget marché achat '
  'ressources humaines handicap égalité télétravail santé travail qualité vie outil plateforme '
  'module présentiel distanciel hybride certificat attestation émargement formateur stagiaire '
  'calendrier inscription validation manager responsable plan besoin campagne référentiel métier '
  'fonction publique territoriale hospitalière état retraite paie contrat titulaire contractuel '
  'apprentissage tutorat mentorat coaching bilan reconversion promotion examen préparation oral écrit '
  'juridique marchés publics données personnelles archives communication document procédure '
  'informatique logiciel messagerie sauvegarde cybersécurité incendie secourisme premiers secours '
  'électrique chimique biologique risque déchets énergie bâtiment maintenance logistique courrier', ' ')) AS w;
CREATE TEMP TABLE bench_syllables AS
SELECT row_number() OVER () - 1 AS i, s FROM unnest(string_to_array(
  'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo fu ga ge gi go gu la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo vu', ' ')) AS s;

INSERT INTO "Region" (id, code, "nameFr", "nameEn") VALUES ('bench-region', 'BENCH', 'Région du banc', 'Bench region');
INSERT INTO "Institution" (id, code, name, "regionId")
SELECT 'bench-inst-' || g, 'BENCH-' || g, 'Établissement ' || g, 'bench-region' FROM generate_series(0, 49) g;
INSERT INTO "User" (id, email, name, "institutionId", "updatedAt")
SELECT 'bench-user-' || g, 'user' || g || '@bench.relais.test', 'Agent ' || g, 'bench-inst-' || (g % 50), now()
FROM generate_series(0, :users - 1) g;
INSERT INTO "RoleMembership" (id, "userId", role, "institutionId")
SELECT 'bench-rm-' || g, 'bench-user-' || g, 'AGENT', 'bench-inst-' || (g % 50) FROM generate_series(0, :users - 1) g;
INSERT INTO "NetworkProfile" ("userId", handle, "updatedAt")
SELECT 'bench-user-' || g, 'agent.' || g, now() FROM generate_series(0, :users - 1) g;

-- Networks: 80 % open; one in ten is an institution's own; network 0 is open and regional.
INSERT INTO "Network" (id, slug, name, scope, access, "regionId", "institutionId", "createdAt")
SELECT 'bench-net-' || g, 'reseau-' || g, 'Réseau ' || g,
       (CASE WHEN g % 10 = 9 THEN 'INSTITUTION' WHEN g % 3 = 0 THEN 'REGIONAL' ELSE 'THEMATIC' END)::"NetworkScope",
       (CASE WHEN g % 5 = 4 AND g > 0 THEN 'ON_REQUEST' ELSE 'OPEN' END)::"NetworkAccess",
       'bench-region', CASE WHEN g % 10 = 9 THEN 'bench-inst-' || (g % 50) END, now() - interval '400 days'
FROM generate_series(0, :networks - 1) g;

-- Memberships: each person in :members / :users networks (distinct), network 0 gets users 0..999.
INSERT INTO "NetworkMember" ("networkId", "userId", role, status, digest, "joinedAt", "requestedAt")
SELECT DISTINCT ON (n, u) 'bench-net-' || n, 'bench-user-' || u,
       (CASE WHEN u % 97 = 0 THEN 'MODERATOR' ELSE 'MEMBER' END)::"NetworkMemberRole",
       'ACTIVE'::"NetworkMemberStatus",
       (CASE u % 3 WHEN 0 THEN 'DAILY' WHEN 1 THEN 'WEEKLY' ELSE 'OFF' END)::"NetworkDigest",
       now() - interval '300 days', now() - interval '300 days'
FROM (
  SELECT (u * 7919 + k * 104729) % :networks AS n, u
  FROM generate_series(0, :users - 1) u, generate_series(0, (:members / :users) - 1) k
  UNION ALL SELECT 0, u FROM generate_series(0, 999) u
) pairs;
UPDATE "NetworkMember" SET role = 'MODERATOR' WHERE "networkId" = 'bench-net-0' AND "userId" = 'bench-user-0';

-- Threads: ~ :posts / 10, spread over the networks; authors are members of their network.
CREATE TEMP TABLE bench_threads AS
SELECT t, 'bench-net-' || (t % :networks) AS network_id FROM generate_series(1, (:posts - 1001) / 10) t;
INSERT INTO "NetworkThread" (id, "networkId", "authorId", title, "postCount", "lastPostAt", "createdAt")
SELECT 'bench-thread-' || t, network_id, 'bench-user-' || (t % :users),
       (SELECT string_agg(w, ' ') FROM (SELECT w FROM bench_words WHERE i IN ((t * 7) % 109, (t * 13) % 109, (t * 31) % 109)) x),
       10, now() - ((t % 36500) || ' minutes')::interval, now() - interval '300 days'
FROM bench_threads;
INSERT INTO "NetworkThread" (id, "networkId", "authorId", title, "postCount", "lastPostAt", "createdAt")
VALUES ('bench-thread-big', 'bench-net-0', 'bench-user-0', 'Fil de mille réponses sur la mobilité', 1001, now(), now() - interval '30 days');

-- Posts: 10 per thread, then the big thread's 1,001. Each post: 12 common words (Zipf-like) and one rare topic word.
INSERT INTO "NetworkPost" (id, "threadId", "networkId", "authorId", position, body, "bodyText", "createdAt")
SELECT 'bench-post-' || t || '-' || p, 'bench-thread-' || t, network_id, 'bench-user-' || ((t + p) % :users), p,
       jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
         'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', txt))))),
       txt, now() - ((t % 36500) || ' minutes')::interval + (p || ' seconds')::interval
FROM (
  SELECT t, p, network_id,
    coalesce((SELECT string_agg(w, ' ') FROM bench_words
       WHERE i IN (SELECT floor((SELECT count(*) FROM bench_words) * power(random(), 2))::int + 0 * (t + p) FROM generate_series(1, 12))), 'formation')
    || ' ' || coalesce((SELECT string_agg(s, '' ORDER BY k) FROM (
         SELECT draw.k, bench_syllables.s FROM (SELECT k, floor(random() * 65)::int + 0 * (t + p) AS r FROM generate_series(1, 3) k) draw
         JOIN bench_syllables ON bench_syllables.i = draw.r) x), 'sujet') AS txt
  FROM bench_threads, generate_series(1, 10) p
) src;
INSERT INTO "NetworkPost" (id, "threadId", "networkId", "authorId", position, body, "bodyText", "createdAt")
SELECT 'bench-post-big-' || p, 'bench-thread-big', 'bench-net-0', 'bench-user-' || (p % 1000), p,
       jsonb_build_object('type', 'doc', 'content', jsonb_build_array(jsonb_build_object('type', 'paragraph',
         'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'Réponse ' || p || ' sur la mobilité entre établissements de la région.'))))),
       'Réponse ' || p || ' sur la mobilité entre établissements de la région.', now() - interval '30 days' + (p || ' minutes')::interval
FROM generate_series(1, 1001) p;

-- Counters as the use cases keep them.
UPDATE "Network" n SET "memberCount" = c.members FROM (
  SELECT "networkId", count(*) AS members FROM "NetworkMember" GROUP BY "networkId") c WHERE c."networkId" = n.id;
UPDATE "Network" n SET "threadCount" = c.threads, "lastActivityAt" = c.last FROM (
  SELECT "networkId", count(*) AS threads, max("lastPostAt") AS last FROM "NetworkThread" GROUP BY "networkId") c
WHERE c."networkId" = n.id;
