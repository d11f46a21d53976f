package com.triagedesk.intake;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import com.triagedesk.checklist.Evaluation;
import com.triagedesk.checklist.Facts;
import com.triagedesk.checklist.ItemResult;
import com.triagedesk.checklist.Warning;
import com.triagedesk.issues.IssueStatus;
import com.triagedesk.issues.OpenedIssue;
import com.triagedesk.routing.Route;
import com.triagedesk.secrets.Redaction;

/**
 * What a developer gets back from {@code POST /api/v1/requests} and {@code /check}.
 *
 * @param issueKey, followUpToken null for {@code /check}, which stores nothing
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record IntakeResponse(String outcome, String issueKey, String status, String followUpToken, UUID redirectId,
		Checklist checklist, Facts facts, String suggestedSubject, RouteView route, List<RedactionView> redactions,
		int redactionCount, List<Warning> warnings) {

	/** More cuts than this are counted, not listed: the answer stays small whatever was pasted. */
	static final int MAX_LISTED_REDACTIONS = 100;

	static final String ISSUE_CREATED = "ISSUE_CREATED";

	static final String REDIRECTED = "REDIRECTED";

	static IntakeResponse created(OpenedIssue issue, Evaluation evaluation, Route route, List<Redaction> redactions,
			List<Warning> warnings) {
		return new IntakeResponse(ISSUE_CREATED, issue.key().value(), issue.status().name(), issue.followUpToken(),
				null, Checklist.of(evaluation), evaluation.facts(), evaluation.suggestedSubject(), RouteView.of(route),
				RedactionView.of(redactions), redactions.size(), warnings);
	}

	static IntakeResponse redirected(UUID id, Evaluation evaluation, Route route, List<Redaction> redactions,
			List<Warning> warnings) {
		return new IntakeResponse(REDIRECTED, null, null, null, id, Checklist.of(evaluation), evaluation.facts(),
				evaluation.suggestedSubject(), RouteView.of(route), RedactionView.of(redactions), redactions.size(),
				warnings);
	}

	/**
	 * The answer the request would get, without storing it: same outcome, status and evaluation,
	 * no key and no token.
	 */
	static IntakeResponse checked(Evaluation evaluation, Route route, List<Redaction> redactions,
			List<Warning> warnings) {
		if (route.redirects()) {
			return new IntakeResponse(REDIRECTED, null, null, null, null, Checklist.of(evaluation),
					evaluation.facts(), evaluation.suggestedSubject(), RouteView.of(route),
					RedactionView.of(redactions), redactions.size(), warnings);
		}
		IssueStatus status = evaluation.complete() ? IssueStatus.OPEN : IssueStatus.NEEDS_INFO;
		return new IntakeResponse(ISSUE_CREATED, null, status.name(), null, null, Checklist.of(evaluation),
				evaluation.facts(), evaluation.suggestedSubject(), RouteView.of(route), RedactionView.of(redactions),
				redactions.size(), warnings);
	}

	boolean redirected() {
		return REDIRECTED.equals(outcome);
	}

	@Schema(name = "RequestChecklist")
	record Checklist(boolean complete, List<Item> items) {

		static Checklist of(Evaluation evaluation) {
			return new Checklist(evaluation.complete(), evaluation.items().stream().map(Item::of).toList());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@Schema(name = "RequestChecklistItem")
	record Item(int number, String key, String state, boolean required, String message, String value, String source) {

		static Item of(ItemResult item) {
			return new Item(item.number(), item.key().name(), item.state().name(), item.key().required(),
					item.message(), item.value(), item.source());
		}

	}

	@Schema(name = "Redaction")
	record RedactionView(String location, String kind, String kept) {

		static List<RedactionView> of(List<Redaction> redactions) {
			return redactions.stream()
				.limit(MAX_LISTED_REDACTIONS)
				.map(r -> new RedactionView(r.location(), r.kind().name(), r.kept()))
				.toList();
		}

	}

	/**
	 * Where the request goes and, when elsewhere, what to do there.
	 */
	@Schema(name = "Route")
	record RouteView(String destination, double confidence, List<String> reasons, String suggested, String name,
			String link, String instructions, Contact contact) {

		@Schema(name = "RouteContact")
		record Contact(String name, String channel, String link) {
		}

		static RouteView of(Route route) {
			return new RouteView(route.destination().name(), route.confidence(), route.reasons(),
					route.suggested() == null ? null : route.suggested().name(), route.name(), route.link(),
					route.instructions(), route.contact() == null ? null
							: new Contact(route.contact().name(), route.contact().channel(), route.contact().link()));
		}

	}

}
