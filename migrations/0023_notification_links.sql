-- A decided approval step marks done the unread "your turn" notices about it (issue 13 item 5):
-- they are found by their link while unread.
create index notifications_unread_link on notifications (link) where read_at is null;
