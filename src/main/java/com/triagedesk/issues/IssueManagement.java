package com.triagedesk.issues;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to issues goes through here, one transaction each.
 */
@Service
@Transactional
public class IssueManagement {

	private final Issues issues;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	IssueManagement(Issues issues, ApplicationEventPublisher events, Clock clock) {
		this.issues = issues;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores a new issue with its participants under the next key and announces it.
	 */
	public OpenedIssue open(NewIssue request) {
		IssueKey key = IssueKey.of(issues.nextKeyNumber());
		String token = FollowUpTokens.generate();
		Issue issue = issues.save(Issue.open(key, request, FollowUpTokens.hash(token), clock.instant()));
		events.publishEvent(new IssueCreated(key, issue.status(), request.channel(), clock.instant()));
		return new OpenedIssue(key, issue.status(), token);
	}

}
