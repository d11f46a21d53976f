-- Search finds words in the thread too (replies, notes, follow-ups), and an orderId exactly.
create index message_search_idx on message using gin (to_tsvector('simple', body));
create index issue_order_id_idx on issue (order_id) where order_id is not null;
