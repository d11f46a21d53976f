package com.triagedesk.intake;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import com.triagedesk.checklist.Evaluation;
import com.triagedesk.checklist.Facts;
import com.triagedesk.checklist.ItemResult;
import com.triagedesk.checklist.Warning;
import com.triagedesk.issues.IssueStatus;
import com.triagedesk.issues.OpenedIssue;
import com.triagedesk.secrets.Redaction;

/**
 * What a developer gets back from {@code POST /api/v1/requests} and {@code /check}.
 *
 * @param issueKey, followUpToken null for {@code /check}, which stores nothing
 */
record IntakeResponse(String outcome, String issueKey, String status, String followUpToken, Checklist checklist,
		Facts facts, String suggestedSubject, Route route, List<RedactionView> redactions, List<Warning> warnings) {

	static IntakeResponse created(OpenedIssue issue, Evaluation evaluation, List<Redaction> redactions,
			List<Warning> warnings) {
		return new IntakeResponse("ISSUE_CREATED", issue.key().value(), issue.status().name(), issue.followUpToken(),
				Checklist.of(evaluation), evaluation.facts(), evaluation.suggestedSubject(), Route.DEFAULT,
				RedactionView.of(redactions), warnings);
	}

	/**
	 * The answer the request would get, without storing it: same outcome, status and evaluation,
	 * no key and no token.
	 */
	static IntakeResponse checked(Evaluation evaluation, List<Redaction> redactions, List<Warning> warnings) {
		IssueStatus status = evaluation.complete() ? IssueStatus.OPEN : IssueStatus.NEEDS_INFO;
		return new IntakeResponse("ISSUE_CREATED", null, status.name(), null, Checklist.of(evaluation),
				evaluation.facts(), evaluation.suggestedSubject(), Route.DEFAULT, RedactionView.of(redactions),
				warnings);
	}

	record Checklist(boolean complete, List<Item> items) {

		static Checklist of(Evaluation evaluation) {
			return new Checklist(evaluation.complete(), evaluation.items().stream().map(Item::of).toList());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Item(int number, String key, String state, boolean required, String message, String value, String source) {

		static Item of(ItemResult item) {
			return new Item(item.number(), item.key().name(), item.state().name(), item.key().required(),
					item.message(), item.value(), item.source());
		}

	}

	record RedactionView(String location, String kind, String kept) {

		static List<RedactionView> of(List<Redaction> redactions) {
			return redactions.stream().map(r -> new RedactionView(r.location(), r.kind().name(), r.kept())).toList();
		}

	}

	/**
	 * Where the request goes. Routing is not evaluated by this version: every request is for
	 * developer support.
	 */
	record Route(String destination, Double confidence, List<String> reasons) {

		static final Route DEFAULT = new Route("INTEGRATION_SERVICES", null,
				List.of("Routing is not evaluated by this version; every request goes to developer support."));

	}

}
