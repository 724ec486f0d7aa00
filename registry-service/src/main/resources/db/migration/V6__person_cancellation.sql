-- Cancellation (注销) of a registration other than by death: the day it takes effect and why.
alter table person add column cancelled_on date;
alter table person add column cancellation_reason text;
