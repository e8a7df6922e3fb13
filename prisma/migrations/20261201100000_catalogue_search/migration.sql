-- Catalogue search that finds things: insensitive to accents and case, and to French word forms
-- ("donnees" finds "données", "formation" finds "formations"). unaccent ships with PostgreSQL's
-- contrib (and with the embedded server); creating it needs a role allowed to create extensions.
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Text-search configurations that strip accents before stemming. to_tsvector(regconfig, text) is
-- immutable, so the generated column below may use them (unaccent() itself is only stable).
CREATE TEXT SEARCH CONFIGURATION relais_french (COPY = pg_catalog.french);
ALTER TEXT SEARCH CONFIGURATION relais_french
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
CREATE TEXT SEARCH CONFIGURATION relais_english (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION relais_english
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

ALTER TABLE "CourseVersion" ADD COLUMN "searchDocument" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('relais_french'::regconfig, coalesce("title", '')), 'A') ||
  setweight(to_tsvector('relais_english'::regconfig, coalesce("titleEn", '')), 'A') ||
  setweight(to_tsvector('relais_french'::regconfig, coalesce("summary", '')), 'B') ||
  setweight(to_tsvector('relais_english'::regconfig, coalesce("summaryEn", '')), 'B') ||
  setweight(to_tsvector('relais_french'::regconfig, coalesce("objectives", '')), 'C') ||
  setweight(to_tsvector('relais_english'::regconfig, coalesce("objectivesEn", '')), 'C')
) STORED;

CREATE INDEX "CourseVersion_searchDocument_idx" ON "CourseVersion" USING GIN ("searchDocument");
