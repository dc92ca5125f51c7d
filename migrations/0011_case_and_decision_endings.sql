-- Who ended a decision and who closed a case, kept on the record itself so the case history can
-- say it without reading the audit log; and the index behind "Mina ärenden" (open cases per case
-- officer), which the desk asks for on every visit.

alter table decisions add column ended_by_id uuid;
alter table decisions add constraint decisions_ended_by_fk foreign key (municipality_id, ended_by_id) references users (municipality_id, id);
comment on column decisions.ended_by_id is 'Who ended the decision early; null while not ended. May be set with ended_on (the decisions_fixed trigger leaves the ending free).';

alter table cases add column closed_by_id uuid;
alter table cases add constraint cases_closed_by_fk foreign key (municipality_id, closed_by_id) references users (municipality_id, id);
comment on column cases.closed_by_id is 'Who closed the case; null while open (and for cases closed by an import).';

create index cases_case_officer_open_idx on cases (municipality_id, case_officer_id, opened_on) where closed_on is null;
comment on index cases_case_officer_open_idx is 'Mina ärenden: the open cases of one case officer, oldest first.';
