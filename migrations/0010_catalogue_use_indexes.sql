-- Which decisions use a catalogue entry. The catalogue screens show whether a legal basis or an
-- intervention type is in use, and a change checks it (a type's service area is fixed once a
-- decision grants it; a legal basis keeps covering the dates of the decisions that rest on it).
-- Without these, each of those questions reads every decision of the municipality.

create index decisions_legal_basis_idx on decisions (municipality_id, legal_basis_id, decision_date);
comment on index decisions_legal_basis_idx is 'Decisions resting on a legal basis, with their dates: whether it is in use and which dates its validity must cover.';

create index decision_interventions_type_idx on decision_interventions (municipality_id, intervention_type_id);
comment on index decision_interventions_type_idx is 'Decisions granting an intervention type: whether it is in use (its service area is then fixed).';
