package com.triagedesk.issues;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of issues for other modules and the API.
 */
@Service
@Transactional(readOnly = true)
public class IssueQueries {

	private final Issues issues;

	private final HistoryEntries history;

	private final BusinessHours hours;

	private final Clock clock;

	IssueQueries(Issues issues, HistoryEntries history, BusinessHours hours, Clock clock) {
		this.issues = issues;
		this.history = history;
		this.hours = hours;
		this.clock = clock;
	}

	/**
	 * The issue with this key as staff see it, thread, notes and history included; a merged
	 * issue's key gives the issue it was merged into. Empty for an unknown or malformed key.
	 */
	public Optional<IssueDetails> find(String key) {
		return lookUp(key).map(issue -> details(key, issue, true));
	}

	/**
	 * The issue as its reporter sees it (no internal notes), when the follow-up token is theirs.
	 *
	 * @throws FollowUpRefusedException when the token is missing or belongs to another issue
	 */
	public Optional<IssueDetails> findForReporter(String key, String followUpToken) {
		return lookUp(key).map(issue -> {
			if (followUpToken == null || followUpToken.isBlank() || followUpToken.length() > 200) {
				throw new FollowUpRefusedException(followUpToken != null && !followUpToken.isBlank());
			}
			if (!Tokens.accepted(issue, FollowUpTokens.hash(followUpToken.strip()), issues)) {
				throw new FollowUpRefusedException(true);
			}
			return details(key, issue, false);
		});
	}

	/**
	 * Checks a follow-up token before anything is done with what came with it: an unknown key is a
	 * 404, a missing or wrong token a 401.
	 */
	public void checkFollowUpToken(String key, String followUpToken) {
		Issue issue = lookUp(key).orElseThrow(() -> new IssueNotFoundException(key == null ? "" : key));
		if (followUpToken == null || followUpToken.isBlank() || followUpToken.length() > 200) {
			throw new FollowUpRefusedException(followUpToken != null && !followUpToken.isBlank());
		}
		if (!Tokens.accepted(issue, FollowUpTokens.hash(followUpToken.strip()), issues)) {
			throw new FollowUpRefusedException(true);
		}
	}

	private Optional<Issue> lookUp(String key) {
		return IssueKey.parse(key).flatMap(k -> issues.findByKey(k.value()));
	}

	private IssueDetails details(String requested, Issue addressed, boolean staffView) {
		Issue issue = addressed;
		while (issue.mergedInto().isPresent()) {
			issue = issue.mergedInto().get();
		}
		List<IssueDetails.HistoryEntry> entries = history.findByIssueIdOrderByOccurredAtAscIdAsc(issue.id())
			.stream()
			.filter(entry -> staffView || !entry.isInternal())
			.map(HistoryEntry::toView)
			.toList();
		IssueDetails.Links links = issue.links(issues.followUpsOf(issue.id()), issues.splitsOf(issue.id()),
				issues.mergedInto(issue.id()));
		return issue.toDetails(IssueKey.parse(requested).map(IssueKey::value).orElse(requested),
				issues.attachmentsOf(issue.id()), entries, links, staffView, clock.instant(), hours);
	}

}
