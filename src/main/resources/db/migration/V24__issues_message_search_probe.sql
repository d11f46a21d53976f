-- Which issues have a message that holds the words of a search, when few do; null when many do.
-- (Volatile: PostgreSQL runs EXPLAIN only in volatile functions.)
-- IssueQueries then names those issues, or walks the issues in the list's order (a page of them
-- is found soon when many match). PostgreSQL chose between the two by its estimate of the
-- messages, and for a word outside its statistics that is half the share of the rarest word in
-- them: thousands of messages where there may be none, and with a million issues it walked them
-- all for a word found nowhere (2.3 s).
-- A word its statistics call common (at least `share` of the messages) gets the walk at once: the
-- estimate is close for such words, and reading their messages from the full-text index costs
-- their number (386,509 messages, 85 ms). Any other is looked up in the index (which is read for
-- all its messages; at most `bound` rows are then read from the table): sequential scans are off,
-- for with one allowed PostgreSQL may read the table from its start until enough are found, nearly
-- all of it for a word only recent messages hold. A table never analysed (reltuples -1 or 0) makes
-- every word common: the walk, which a small table answers soon.
create function issue_ids_in_messages(words text, bound integer, share double precision) returns bigint[]
    language plpgsql volatile strict
    set enable_seqscan = off
as $$
declare
    plan json;
    messages double precision;
    hits bigint;
    found bigint[];
begin
    execute format('explain (format json) select 1 from message m where m.search @@ websearch_to_tsquery(%L, %L)',
        'simple', words) into plan;
    select greatest(reltuples, 1) into messages from pg_class where oid = 'message'::regclass;
    if (plan -> 0 -> 'Plan' ->> 'Plan Rows')::double precision >= share * messages then
        return null;
    end if;
    select count(*), array_agg(x.issue_id) into hits, found from (
        select m.issue_id from message m where m.search @@ websearch_to_tsquery('simple', words) limit bound) x;
    if hits >= bound then
        return null;
    end if;
    return coalesce(found, '{}');
end
$$;
