package com.triagedesk.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

/**
 * Requests sent elsewhere, for the staff dashboard: the newest, and turning a misrouted one into
 * an issue (the same as {@code POST /api/v1/redirects/{id}/issue}).
 */
@Service
public class RedirectLog {

	/**
	 * @param issueKey the issue staff turned it into, or null
	 */
	public record Entry(UUID id, String destination, String subject, String reporterEmail, Instant createdAt,
			String issueKey, List<String> reasons) {
	}

	private final Redirects redirects;

	private final Intake intake;

	RedirectLog(Redirects redirects, Intake intake) {
		this.redirects = redirects;
		this.intake = intake;
	}

	public List<Entry> newest(String destination, int limit) {
		return redirects.list(destination, null, null, null, Math.max(1, Math.min(limit, 200)))
			.items()
			.stream()
			.map(view -> new Entry(view.id(), view.destination(), view.subject(), view.reporterEmail(), view.createdAt(),
					view.issueKey(), view.reasons()))
			.toList();
	}

	/**
	 * How many requests went to each destination in the last {@code days} days.
	 */
	public java.util.Map<String, Long> countsByDestination(int days) {
		java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
		redirects.countsSince(java.time.Instant.now().minus(java.time.Duration.ofDays(Math.max(1, Math.min(days, 366)))))
			.forEach(counts::put);
		return counts;
	}

	/**
	 * Opens the issue for a misrouted request.
	 *
	 * @return the new issue's key
	 * @throws org.springframework.web.ErrorResponseException 404 unknown, 409 already turned into one
	 */
	public String turnIntoIssue(UUID id) {
		return intake.convert(id).issueKey();
	}

}
