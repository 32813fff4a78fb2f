// Applied at every start (src/db/schema.ts), idempotently. One statement per `;`.

// Every label's domain id is unique.
CREATE CONSTRAINT hcp_id IF NOT EXISTS FOR (n:HCP) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT msl_id IF NOT EXISTS FOR (n:MSL) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT institution_id IF NOT EXISTS FOR (n:Institution) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT territory_id IF NOT EXISTS FOR (n:Territory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT therapeutic_area_id IF NOT EXISTS FOR (n:TherapeuticArea) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT interaction_id IF NOT EXISTS FOR (n:Interaction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT insight_id IF NOT EXISTS FOR (n:Insight) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT publication_id IF NOT EXISTS FOR (n:Publication) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT clinical_trial_id IF NOT EXISTS FOR (n:ClinicalTrial) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT planned_interaction_id IF NOT EXISTS FOR (n:PlannedInteraction) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT restricted_word_id IF NOT EXISTS FOR (n:RestrictedWord) REQUIRE n.id IS UNIQUE;

// Filters and orderings the API uses.
CREATE INDEX hcp_specialty IF NOT EXISTS FOR (n:HCP) ON (n.specialty);
CREATE INDEX hcp_last_name IF NOT EXISTS FOR (n:HCP) ON (n.lastName);
CREATE INDEX interaction_date IF NOT EXISTS FOR (n:Interaction) ON (n.date);
CREATE INDEX insight_created IF NOT EXISTS FOR (n:Insight) ON (n.createdAt);
CREATE INDEX audit_event_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at);
CREATE INDEX planned_interaction_date IF NOT EXISTS FOR (n:PlannedInteraction) ON (n.date);

// Full-text search for `hcps(filter: {search})`: HCP name and specialty, and institution name.
// Accents folded (é -> e); an index made with another analyzer is dropped first (src/db/schema.ts).
CREATE FULLTEXT INDEX hcp_search IF NOT EXISTS FOR (n:HCP) ON EACH [n.firstName, n.lastName, n.specialty] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX institution_search IF NOT EXISTS FOR (n:Institution) ON EACH [n.name, n.city] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};

// Network change records (src/network/changes.ts): readers seek the ones newer than what they saw.
CREATE INDEX network_change_at IF NOT EXISTS FOR (n:NetworkChange) ON (n.at);

// Live event records (src/db/live-events.ts): every API instance polls the ones newer than what it saw.
CREATE INDEX live_event_at IF NOT EXISTS FOR (n:LiveEvent) ON (n.at);
