-- Persons (clients) and the details provider staff keep on them, and which units may see them.

create table persons (
  municipality_id uuid not null references municipalities (id),
  id uuid not null default gen_random_uuid(),
  identity_number text not null check (identity_number ~ '^\d{8}-[0-9A-Z]\d{3}$'),
  identity_kind text not null check (identity_kind in ('personnummer', 'samordningsnummer', 'interim', 'reserve')),
  birth_date date not null,
  sex text not null check (sex in ('male', 'female')),
  first_name text not null check (length(btrim(first_name)) between 1 and 100),
  last_name text not null check (length(btrim(last_name)) between 1 and 100),
  protected_identity boolean not null default false,
  contact_language text check (length(contact_language) <= 60),
  needs_interpreter boolean not null default false,
  marital_status text check (marital_status in ('unmarried', 'married', 'registered_partner', 'divorced', 'widowed', 'cohabiting')),
  citizenship text check (length(citizenship) <= 60),
  born_abroad boolean,
  deceased_date date,
  phone text check (length(phone) <= 40),
  mobile_phone text check (length(mobile_phone) <= 40),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+$'),
  door_code text check (length(door_code) <= 60),
  visit_info text check (length(visit_info) <= 4000),
  important_info text check (length(important_info) <= 4000),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  unique (municipality_id, identity_number),
  check (deceased_date is null or deceased_date >= birth_date)
);
comment on table persons is 'A person the social services work with (client, brukare). Shared by the authority and provider sides; who may see one follows person_unit_links.';
comment on column persons.municipality_id is 'Tenant.';
comment on column persons.id is 'Person id.';
comment on column persons.identity_number is 'Normalised identity number YYYYMMDD-NNNN (personnummer, samordningsnummer, interim or the municipality''s reserve number).';
comment on column persons.identity_kind is 'personnummer, samordningsnummer, interim or reserve.';
comment on column persons.birth_date is 'Date of birth from the identity number (the real day for a samordningsnummer).';
comment on column persons.sex is 'male or female, from the identity number''s second-last digit.';
comment on column persons.first_name is 'Given names.';
comment on column persons.last_name is 'Surname.';
comment on column persons.protected_identity is 'Skyddade personuppgifter: name and address are masked in every list and search hit and shown only to roles with a need, each showing audited.';
comment on column persons.contact_language is 'Language to use with the person (kontaktspråk).';
comment on column persons.needs_interpreter is 'Whether an interpreter is needed (tolkbehov).';
comment on column persons.marital_status is 'Civilstånd: unmarried, married, registered_partner, divorced, widowed, cohabiting.';
comment on column persons.citizenship is 'Medborgarskap, as a country name.';
comment on column persons.born_abroad is 'Utrikesfödd; null when unknown.';
comment on column persons.deceased_date is 'Date of death, if deceased.';
comment on column persons.phone is 'Home telephone.';
comment on column persons.mobile_phone is 'Mobile telephone.';
comment on column persons.email is 'E-mail address.';
comment on column persons.door_code is 'Door or entry code (portkod), on the visit information tab.';
comment on column persons.visit_info is 'Visit information: the way in, floor, lift, where the laundry is (besöksinfo).';
comment on column persons.important_info is 'Important to know (viktigt att veta): practical notes visible to other users; never diagnoses or health information.';
comment on column persons.version is 'Optimistic concurrency: bumped on every update.';
comment on column persons.created_at is 'When the person was registered.';
comment on column persons.updated_at is 'When the person was last changed.';
-- Names are matched lower-cased with the Swedish ICU collation, so Å, Ä and Ö fold whatever the database's locale.
create index persons_last_name_idx on persons (municipality_id, lower(last_name collate "sv-x-icu") text_pattern_ops);
create index persons_first_name_idx on persons (municipality_id, lower(first_name collate "sv-x-icu") text_pattern_ops);
create index persons_identity_number_idx on persons (municipality_id, identity_number text_pattern_ops);
select enable_tenant_isolation('persons');

create table person_addresses (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  street text not null check (length(btrim(street)) between 1 and 200),
  care_of text check (length(care_of) <= 200),
  postal_code text not null check (postal_code ~ '^\d{3} ?\d{2}$'),
  city text not null check (length(btrim(city)) between 1 and 100),
  valid_from date not null,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id),
  unique (municipality_id, person_id, valid_from)
);
comment on table person_addresses is 'Registered address (folkbokföringsadress) history: a new address is a new row from its date; the current one is the latest from-date not in the future.';
comment on column person_addresses.municipality_id is 'Tenant.';
comment on column person_addresses.id is 'Address row id.';
comment on column person_addresses.person_id is 'Whose address.';
comment on column person_addresses.street is 'Street and number.';
comment on column person_addresses.care_of is 'c/o line, if any.';
comment on column person_addresses.postal_code is 'Postal code, e.g. 111 40.';
comment on column person_addresses.city is 'Post town.';
comment on column person_addresses.valid_from is 'Date the address applies from.';
comment on column person_addresses.created_at is 'When the row was written.';
select enable_tenant_isolation('person_addresses');

create table person_relatives (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  name text not null check (length(btrim(name)) between 1 and 200),
  relation text not null check (length(btrim(relation)) between 1 and 60),
  phone text check (length(phone) <= 40),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+$'),
  address text check (length(address) <= 300),
  is_next_of_kin boolean not null default false,
  note text check (length(note) <= 1000),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id)
);
comment on table person_relatives is 'Relatives (närstående) and how to reach them.';
comment on column person_relatives.municipality_id is 'Tenant.';
comment on column person_relatives.id is 'Row id.';
comment on column person_relatives.person_id is 'Whose relative.';
comment on column person_relatives.name is 'The relative''s name.';
comment on column person_relatives.relation is 'Relation, e.g. Dotter, Make, Granne.';
comment on column person_relatives.phone is 'Telephone.';
comment on column person_relatives.email is 'E-mail.';
comment on column person_relatives.address is 'Address as free text.';
comment on column person_relatives.is_next_of_kin is 'Whether this is the closest relative to contact first.';
comment on column person_relatives.note is 'Free note, visible to other users.';
comment on column person_relatives.version is 'Optimistic concurrency.';
comment on column person_relatives.created_at is 'When added.';
comment on column person_relatives.updated_at is 'When last changed.';
create index person_relatives_person_idx on person_relatives (municipality_id, person_id);
select enable_tenant_isolation('person_relatives');

create table person_reference_persons (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  role text not null check (length(btrim(role)) between 1 and 80),
  name text not null check (length(btrim(name)) between 1 and 200),
  organisation text check (length(organisation) <= 200),
  phone text check (length(phone) <= 40),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+$'),
  note text check (length(note) <= 1000),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id)
);
comment on table person_reference_persons is 'Reference persons: contact nurse, occupational therapist, contact person (kontaktman), representatives such as god man or förvaltare.';
comment on column person_reference_persons.municipality_id is 'Tenant.';
comment on column person_reference_persons.id is 'Row id.';
comment on column person_reference_persons.person_id is 'Whose reference person.';
comment on column person_reference_persons.role is 'Role, e.g. Omvårdnadsansvarig sjuksköterska, Arbetsterapeut, God man, Förvaltare, Kontaktman.';
comment on column person_reference_persons.name is 'Name.';
comment on column person_reference_persons.organisation is 'Organisation or unit, e.g. Vårdcentralen Hagadahl.';
comment on column person_reference_persons.phone is 'Telephone.';
comment on column person_reference_persons.email is 'E-mail.';
comment on column person_reference_persons.note is 'Free note.';
comment on column person_reference_persons.version is 'Optimistic concurrency.';
comment on column person_reference_persons.created_at is 'When added.';
comment on column person_reference_persons.updated_at is 'When last changed.';
create index person_reference_persons_person_idx on person_reference_persons (municipality_id, person_id);
select enable_tenant_isolation('person_reference_persons');

create table person_keys (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  key_number text not null check (length(btrim(key_number)) between 1 and 40),
  description text check (length(description) <= 300),
  version integer not null default 1 check (version >= 1),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id)
);
comment on table person_keys is 'Key numbers (nyckelnummer) for the person''s home kept by the provider.';
comment on column person_keys.municipality_id is 'Tenant.';
comment on column person_keys.id is 'Row id.';
comment on column person_keys.person_id is 'Whose key.';
comment on column person_keys.key_number is 'The key''s number or tag.';
comment on column person_keys.description is 'Which door, where it is kept.';
comment on column person_keys.version is 'Optimistic concurrency.';
comment on column person_keys.created_at is 'When added.';
comment on column person_keys.updated_at is 'When last changed.';
create index person_keys_person_idx on person_keys (municipality_id, person_id);
select enable_tenant_isolation('person_keys');

create table person_unit_links (
  municipality_id uuid not null,
  id uuid not null default gen_random_uuid(),
  person_id uuid not null,
  unit_id uuid not null,
  source text not null check (source in ('registered', 'case', 'provider_case')),
  source_id uuid,
  valid_from date not null default current_date,
  valid_to date,
  created_at timestamptz not null default now(),
  primary key (municipality_id, id),
  foreign key (municipality_id, person_id) references persons (municipality_id, id),
  foreign key (municipality_id, unit_id) references units (municipality_id, id),
  check (valid_to is null or valid_to >= valid_from)
);
comment on table person_unit_links is 'Why a unit may see a person: registered there, an authority case, or a provider case. Access follows these links: a link open or ended within the recent period puts the person in the unit''s scope.';
comment on column person_unit_links.municipality_id is 'Tenant.';
comment on column person_unit_links.id is 'Row id.';
comment on column person_unit_links.person_id is 'The person.';
comment on column person_unit_links.unit_id is 'The unit that may see the person.';
comment on column person_unit_links.source is 'registered (the unit registered or attached the person), case (authority case), provider_case (genomförande at a provider unit).';
comment on column person_unit_links.source_id is 'The case or provider case behind the link, if any.';
comment on column person_unit_links.valid_from is 'From when the link applies.';
comment on column person_unit_links.valid_to is 'Last day the link applies; null while ongoing.';
comment on column person_unit_links.created_at is 'When the link was made.';
create index person_unit_links_unit_idx on person_unit_links (municipality_id, unit_id, person_id);
create index person_unit_links_person_idx on person_unit_links (municipality_id, person_id);
select enable_tenant_isolation('person_unit_links');
