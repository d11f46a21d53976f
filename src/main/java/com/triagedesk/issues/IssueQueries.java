package com.triagedesk.issues;

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

	IssueQueries(Issues issues) {
		this.issues = issues;
	}

	/**
	 * The issue with this key, as users type it; empty for an unknown or malformed key.
	 */
	public Optional<IssueDetails> find(String key) {
		return IssueKey.parse(key)
			.flatMap(k -> issues.findByKey(k.value()))
			.map(issue -> issue.toDetails(issues.attachmentsOf(issue.key().value())));
	}

}
