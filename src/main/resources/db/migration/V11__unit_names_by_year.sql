-- A unit's code never changes; its name can, from a year on (a 高等专科学校 upgraded to a 职业学院, a college
-- renamed). unit_name holds each name of a unit the province allocates to, with the first year it applies; the unit
-- is in the registry of a year from its first name's year on. unit.name stays the current (latest) name.
-- Schools a city registers have no rows here: they keep the name the city gave them.
create table unit_name (
  code       varchar(32)  not null references unit(code),
  from_year  integer      not null,
  name       varchar(200) not null,
  primary key (code, from_year)
);

insert into unit_name (code, from_year, name)
  select code, 2022, name from unit where parent_code is null;

-- What a validated allocation table states about the registry (its 原单位名称 column): a unit renamed from this
-- year on, or a new unit (its quota here, since it has no code before publication; the code it got is filled in
-- then). Kept with the year's draft; applied only when the leader's approval publishes the year.
create table allocation_unit_statement (
  year           integer      not null references allocation_year(year) on delete cascade,
  source_row     integer      not null,
  statement      varchar(16)  not null check (statement in ('RENAMED', 'NEW_UNIT')),
  unit_code      varchar(32)  references unit(code),
  name           varchar(200) not null,
  kind           varchar(40)  not null,
  training       integer      check (training >= 0),
  certification  integer      check (certification >= 0),
  advanced       integer      check (advanced >= 0),
  one_plus_x     integer      check (one_plus_x >= 0),
  primary key (year, source_row)
);
