-- Who received a unit's annual task in Tasklist (接收年度任务), and when. Monthly reports open whether or not a unit
-- received; a unit that has not is shown so on its supervisor's late list and on the dashboard.
alter table quota_allocation add column received_at timestamptz;
alter table quota_allocation add column received_by varchar(64);
