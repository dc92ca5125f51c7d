-- Nya uppdrag lists what has waited longest first, as Att kvittera does (issue 15): the oldest
-- unseen order is the most urgent. The index serves that order read backwards; only its comment changes.
comment on index assignment_states_new_queue_idx is 'A provider''s Nya uppdrag, waiting longest first (the index read backwards): the page, its keyset cursor and the count.';
