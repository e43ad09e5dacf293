-- The demo clock of the default profile: how far the engine's clock runs ahead of real time.
create table demo_clock (
  id         integer     primary key check (id = 1),
  offset_ms  bigint      not null,
  updated_at timestamptz not null
);
