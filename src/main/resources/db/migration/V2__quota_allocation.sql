-- A year's allocation: imported and validated (draft), then approved and published to the units.
create table allocation_year (
  year                 integer      primary key,
  status               varchar(16)  not null check (status in ('DRAFT', 'PUBLISHED')),
  source_name          varchar(255) not null,
  imported_at          timestamptz  not null,
  published_at         timestamptz,
  process_instance_id  varchar(64)
);

-- One unit's quota for the year; null advanced / one_plus_x = no requirement (—— in the notice), not 0.
create table quota_allocation (
  year           integer     not null references allocation_year(year) on delete cascade,
  unit_code      varchar(32) not null references unit(code),
  source_row     integer     not null,
  training       integer     not null check (training >= 0),
  certification  integer     not null check (certification >= 0 and certification <= training),
  advanced       integer     check (advanced >= 0 and advanced <= certification),
  one_plus_x     integer     check (one_plus_x >= 0 and one_plus_x <= certification),
  primary key (year, unit_code)
);
