package com.triagedesk.issues;

import java.util.List;

import org.springframework.data.repository.Repository;

/**
 * The append-only history. There is deliberately no delete or update here.
 */
interface HistoryEntries extends Repository<HistoryEntry, Long> {

	HistoryEntry save(HistoryEntry entry);

	List<HistoryEntry> findByIssueIdOrderByOccurredAtAscIdAsc(Long issueId);

}
