package com.triagedesk.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import com.triagedesk.checklist.ChecklistEvaluator;
import com.triagedesk.checklist.ChecklistInput;
import com.triagedesk.checklist.Evaluation;
import com.triagedesk.checklist.Warning;
import com.triagedesk.issues.Access;
import com.triagedesk.issues.IssueManagement;
import com.triagedesk.issues.IssueQueries;
import com.triagedesk.issues.Received;
import com.triagedesk.issues.OpenedIssue;
import com.triagedesk.routing.Route;
import com.triagedesk.routing.Router;
import com.triagedesk.routing.RoutingInput;
import com.triagedesk.secrets.Redaction;
import com.triagedesk.secrets.SecretKind;
import com.triagedesk.secrets.SecretRedactor;

/**
 * One request through the pipeline: redact, evaluate, and (unless only checking) store.
 */
@Service
class Intake {

	private final SecretRedactor redactor;

	private final ChecklistEvaluator evaluator;

	private final IssueManagement issues;

	private final Router router;

	private final Redirects redirects;

	private final IssueQueries queries;

	Intake(SecretRedactor redactor, ChecklistEvaluator evaluator, IssueManagement issues, Router router,
			Redirects redirects, IssueQueries queries) {
		this.queries = queries;
		this.redactor = redactor;
		this.evaluator = evaluator;
		this.issues = issues;
		this.router = router;
		this.redirects = redirects;
	}

	/**
	 * The evaluation a request gets, with nothing stored.
	 */
	IntakeResponse check(SupportRequest request, List<MultipartFile> files) {
		Evaluated evaluated = evaluate(request, files);
		return IntakeResponse.checked(evaluated.evaluation(), evaluated.route(), evaluated.redactions(),
				evaluated.warnings());
	}

	/**
	 * Stores the request as an issue; with {@code strict}, an incomplete request is refused instead
	 * and nothing is stored.
	 */
	IntakeResponse submit(SupportRequest request, List<MultipartFile> files, boolean strict) {
		Evaluated evaluated = evaluate(request, files);
		if (evaluated.route().redirects()) {
			// Not for developer support: nothing becomes an issue, but the request is kept for
			// statistics and in case staff find it was misrouted.
			java.util.UUID id = redirects.record(evaluated.request(), evaluated.route(),
					evaluated.evaluation().facts().organizationNumber(),
					evaluated.evaluation().facts().merchantSerialNumber());
			return IntakeResponse.redirected(id, evaluated.evaluation(), evaluated.route(), evaluated.redactions(),
					evaluated.warnings());
		}
		if (strict && !evaluated.evaluation().complete()) {
			throw new IncompleteRequestException(evaluated.evaluation());
		}
		OpenedIssue issue = issues.open(evaluated.request()
			.toNewIssue(evaluated.files().stream().map(ReceivedFiles.File::attachment).toList(),
					evaluated.evaluation(), kinds(evaluated.redactions())), evaluated.route().destination().name(),
				evaluated.route().suggested() == null ? null : evaluated.route().suggested().name());
		return IntakeResponse.created(issue, evaluated.evaluation(), evaluated.route(), evaluated.redactions(),
				evaluated.warnings());
	}

	/**
	 * Turns a redirected request into an issue after all, as staff decide.
	 */
	IntakeResponse convert(java.util.UUID redirectId) {
		Redirects.Stored stored = redirects.find(redirectId).orElseThrow(() -> new RedirectNotFoundException(redirectId));
		if (stored.issueKey() != null) {
			throw new RedirectConvertedException(redirectId, stored.issueKey());
		}
		Evaluated evaluated = evaluate(stored.request(), List.of());
		Route route = router.developerSupport("Staff took it in after it had been sent to " + stored.destination() + ".");
		OpenedIssue issue = issues.open(stored.request().toNewIssue(List.of(), evaluated.evaluation(), List.of()));
		if (!redirects.converted(redirectId, issue.key().value())) {
			throw new RedirectConvertedException(redirectId, null);
		}
		return IntakeResponse.created(issue, evaluated.evaluation(), route, evaluated.redactions(),
				evaluated.warnings());
	}

	/**
	 * New information for an existing issue, redacted like a request; the issues module
	 * re-evaluates the checklist over everything received.
	 */
	FollowUpResponse followUp(String key, Access access, FollowUpRequest request, List<MultipartFile> files) {
		if (access instanceof Access.FollowUpToken(String token)) {
			// Before reading a byte of what came with it: strangers cost nothing and lock nothing.
			queries.checkFollowUpToken(key, token);
		}
		RequestRedaction.Redacted<FollowUpRequest> redacted = RequestRedaction.of(request, redactor);
		List<Redaction> redactions = new ArrayList<>(redacted.redactions());
		List<ReceivedFiles.File> received = ReceivedFiles.read(files, redactor, redactions);
		Received result = issues.receive(key, access,
				redacted.request()
					.toNewMessage(received.stream().map(ReceivedFiles.File::attachment).toList(), kinds(redactions)));
		List<Warning> warnings = new ArrayList<>();
		if (!redactions.isEmpty()) {
			warnings.add(secretWarning(redactions));
		}
		return FollowUpResponse.of(result, redactions, warnings);
	}

	private Evaluated evaluate(SupportRequest request, List<MultipartFile> files) {
		RequestRedaction.Redacted<SupportRequest> redacted = RequestRedaction.of(request, redactor);
		List<Redaction> redactions = new ArrayList<>(redacted.redactions());
		List<ReceivedFiles.File> received = ReceivedFiles.read(files, redactor, redactions);
		SupportRequest clean = redacted.request();
		Evaluation evaluation = evaluator
			.evaluate(toInput(clean, received.stream().map(ReceivedFiles.File::forChecklist).toList()));
		List<Warning> warnings = new ArrayList<>(evaluation.warnings());
		if (!redactions.isEmpty()) {
			warnings.add(0, secretWarning(redactions));
		}
		boolean technical = evaluation.facts().httpMethod() != null || evaluation.facts().httpStatus() != null
				|| evaluation.facts().sourceCodeLanguage() != null;
		Route route = router.route(new RoutingInput(clean.subject(), clean.description(), clean.topic(),
				clean.reporter().email(), evaluation.facts(), technical));
		if (route.suggested() != null) {
			warnings.add(new Warning(Warning.ROUTE_UNCERTAIN, "This may belong to "
					+ route.suggested().name() + " rather than developer support; staff will check."));
		}
		return new Evaluated(clean, received, evaluation, route, redactions, warnings);
	}

	private static List<String> kinds(List<Redaction> redactions) {
		return redactions.stream().map(r -> r.kind().name()).distinct().sorted().toList();
	}

	private record Evaluated(SupportRequest request, List<ReceivedFiles.File> files, Evaluation evaluation,
			Route route, List<Redaction> redactions, List<Warning> warnings) {
	}

	private static Warning secretWarning(List<Redaction> redactions) {
		Map<SecretKind, Long> kinds = redactions.stream()
			.collect(Collectors.groupingBy(Redaction::kind, TreeMap::new, Collectors.counting()));
		String what = kinds.keySet().stream().map(Intake::describe).collect(Collectors.joining(", "));
		return new Warning(Warning.SECRET_REDACTED, "Your request contained live credentials (" + what
				+ "). We cut them before storing anything, but they have left your systems: rotate them now "
				+ "(new client secret and subscription key in the portal).");
	}

	private static String describe(SecretKind kind) {
		return switch (kind) {
			case CLIENT_SECRET -> "client secret";
			case SUBSCRIPTION_KEY -> "subscription key";
			case BEARER_TOKEN -> "access token";
			case BASIC_CREDENTIALS -> "Basic credentials";
			case WEBHOOK_SECRET -> "webhook secret";
			case PASSWORD -> "password";
			case PRIVATE_KEY -> "private key";
		};
	}

	static ChecklistInput toInput(SupportRequest r, List<ChecklistInput.Attachment> attachments) {
		SupportRequest.Reporter reporter = r.reporter();
		SupportRequest.HttpExchange exchange = r.httpExchange();
		return new ChecklistInput(r.subject(), r.description(), reporter == null ? null : reporter.name(),
				reporter == null ? null : reporter.email(), reporter == null ? null : reporter.phone(),
				r.organizationNumber(), r.merchantSerialNumber(), r.product(), r.environment(), r.orderId(),
				r.transactionId(), r.contextId(), r.occurredOn(), exchange == null ? null : exchange.request(),
				exchange == null ? null : exchange.response(), r.additionalInfo(), attachments);
	}

}
