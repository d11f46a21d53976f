package com.triagedesk.api;

import java.net.URI;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import com.triagedesk.PlainText;
import com.triagedesk.issues.ChangedIssue;
import com.triagedesk.issues.IssueDetails;
import com.triagedesk.issues.IssueFilter;
import com.triagedesk.issues.IssuePage;
import com.triagedesk.issues.IssueManagement;
import com.triagedesk.issues.IssueNotFoundException;
import com.triagedesk.issues.IssueQueries;
import com.triagedesk.issues.IssueStatus;
import com.triagedesk.issues.IssueUpdate;
import com.triagedesk.issues.OpenedIssue;
import com.triagedesk.issues.PostedMessage;
import com.triagedesk.issues.Priority;
import com.triagedesk.issues.SplitRequest;
import com.triagedesk.secrets.SecretRedactor;

/**
 * Issues over HTTP. Reporters read their issue with its follow-up token; staff tools and
 * integrations read and change issues with API keys ({@code issues:read}, {@code issues:write}).
 * Changes of the issue itself need {@code If-Match} with the ETag last read, so nobody overwrites
 * a change they have not seen.
 */
@RestController
@RequestMapping(path = "/api/v1/issues", produces = MediaType.APPLICATION_JSON_VALUE)
class IssueController {

	static final URI PRECONDITION_REQUIRED = URI.create("urn:triage-desk:problem:precondition-required");

	private final IssueQueries issues;

	private final IssueManagement management;

	private final SecretRedactor redactor;

	IssueController(IssueQueries issues, IssueManagement management, SecretRedactor redactor) {
		this.issues = issues;
		this.management = management;
		this.redactor = redactor;
	}

	/**
	 * Issues matching the filters, most recently changed first, with cursor paging
	 * ({@code nextCursor}, and a {@code Link: <…>; rel="next"} header).
	 */
	@GetMapping
	ResponseEntity<IssuePage> list(@RequestParam(required = false) Set<IssueStatus> status,
			@RequestParam(required = false) @Size(max = 200) String assignee,
			@RequestParam(required = false) @Size(max = 100) String organizationNumber,
			@RequestParam(required = false) @Size(max = 100) String merchantSerialNumber,
			@RequestParam(required = false) java.time.Instant updatedSince,
			@RequestParam(required = false) @Size(max = 500) String q,
			@RequestParam(required = false) @Size(max = 50) String route, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		Callers.require(ApiScope.ISSUES_READ);
		IssuePage page = issues.list(new IssueFilter(status, assignee, organizationNumber, merchantSerialNumber,
				updatedSince, q, route), cursor, limit);
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (page.nextCursor() != null) {
			ok.header(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("cursor", page.nextCursor())
				.toUriString() + ">; rel=\"next\"");
		}
		return ok.body(page);
	}

	/**
	 * The issue: the staff view (notes, history) with an {@code issues:read} key, the reporter's
	 * view with the follow-up token. A merged issue's key gives the issue it was merged into,
	 * named in {@code Content-Location}.
	 */
	@GetMapping("/{key}")
	ResponseEntity<IssueDetails> issue(@PathVariable String key,
			@RequestHeader(name = "Follow-Up-Token", required = false) String token) {
		IssueDetails issue;
		if (Callers.has(ApiScope.ISSUES_READ)) {
			issue = issues.find(key).orElseThrow(() -> new IssueNotFoundException(key));
		}
		else if (token != null || Callers.current().isEmpty()) {
			issue = issues.findForReporter(key, token).orElseThrow(() -> new IssueNotFoundException(key));
		}
		else {
			throw new Problems.ScopeRequired(ApiScope.ISSUES_READ, true);
		}
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		if (Callers.has(ApiScope.ISSUES_READ)) {
			ok.eTag(etag(issue.version()));
		}
		if (issue.requestedKey() != null) {
			ok.header(HttpHeaders.CONTENT_LOCATION, location(issue.key()).toString());
		}
		return ok.body(issue);
	}

	record Update(IssueStatus status, @PlainText @Size(max = 200) String assignee, Priority priority, Boolean escalated,
			@PlainText @Size(max = 1000) String escalationReason) {
	}

	/**
	 * Changes status, assignee, priority and escalation in one step.
	 */
	@PatchMapping(path = "/{key}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	ResponseEntity<IssueDetails> update(@PathVariable String key,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody Update update) {
		var actor = Callers.require(ApiScope.ISSUES_WRITE);
		long expected = version(ifMatch);
		ChangedIssue changed = management.update(key, expected < 0 ? null : expected, new IssueUpdate(update.status(), update.assignee(),
				update.priority(), update.escalated(), update.escalationReason()), actor);
		IssueDetails issue = issues.find(changed.key().value()).orElseThrow();
		return ResponseEntity.ok().eTag(etag(issue.version())).body(issue);
	}

	record Text(@NotBlank @PlainText @Size(max = 100_000) String text) {
	}

	/**
	 * A reply to every participant; the first one stops the first-response clock.
	 */
	@PostMapping(path = "/{key}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PostedMessage> reply(@PathVariable String key, @Valid @RequestBody Text reply) {
		var actor = Callers.require(ApiScope.ISSUES_WRITE);
		// Staff paste logs too: a reply goes to every participant, so it is redacted like a request.
		PostedMessage posted = management.reply(key, redactor.redact("reply", reply.text()).text(), actor);
		return ResponseEntity.created(location(posted.key().value())).eTag(etag(posted.version())).body(posted);
	}

	/**
	 * An internal note; the reporter never sees it.
	 */
	@PostMapping(path = "/{key}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<PostedMessage> note(@PathVariable String key, @Valid @RequestBody Text note) {
		var actor = Callers.require(ApiScope.ISSUES_WRITE);
		PostedMessage posted = management.note(key, redactor.redact("note", note.text()).text(), actor);
		return ResponseEntity.created(location(posted.key().value())).eTag(etag(posted.version())).body(posted);
	}

	record NewParticipant(@NotBlank @PlainText @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") @Size(max = 254) String email) {
	}

	@PostMapping(path = "/{key}/participants", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ChangedIssue> addParticipant(@PathVariable String key,
			@Valid @RequestBody NewParticipant participant) {
		ChangedIssue changed = management.addParticipant(key, participant.email(),
				Callers.require(ApiScope.ISSUES_WRITE));
		return ResponseEntity.status(changed.changed() ? HttpStatus.CREATED : HttpStatus.OK)
			.eTag(etag(changed.version()))
			.body(changed);
	}

	@DeleteMapping("/{key}/participants/{email}")
	ResponseEntity<Void> removeParticipant(@PathVariable String key, @PathVariable String email) {
		ChangedIssue changed = management.removeParticipant(key, email, Callers.require(ApiScope.ISSUES_WRITE));
		return ResponseEntity.noContent().eTag(etag(changed.version())).build();
	}

	record Split(@PlainText @Size(max = 500) String subject, @PlainText @Size(max = 200_000) String description,
			@Size(max = 1000) Set<@NotNull Long> messageIds) {
	}

	/**
	 * Moves the chosen messages into a new issue linked to this one.
	 */
	@PostMapping(path = "/{key}/split", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Opened> split(@PathVariable String key, @Valid @RequestBody Split split) {
		OpenedIssue opened = management.split(key, new SplitRequest(split.subject(), split.description(),
				split.messageIds()), Callers.require(ApiScope.ISSUES_WRITE));
		return ResponseEntity.created(location(opened.key().value()))
			.body(new Opened(opened.key().value(), opened.status().name(), key));
	}

	record Opened(String issueKey, String status, String splitFrom) {
	}

	record Merge(@NotBlank @Size(max = 40) String into) {
	}

	/**
	 * Merges this issue into another; this key resolves to the other from then on.
	 */
	@PostMapping(path = "/{key}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IssueDetails> merge(@PathVariable String key, @Valid @RequestBody Merge merge) {
		ChangedIssue target = management.merge(key, merge.into(), Callers.require(ApiScope.ISSUES_WRITE));
		IssueDetails issue = issues.find(target.key().value()).orElseThrow();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_LOCATION, location(issue.key()).toString())
			.eTag(etag(issue.version()))
			.body(issue);
	}

	private static URI location(String key) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/issues/{key}").buildAndExpand(key).toUri();
	}

	static String etag(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * The version an {@code If-Match} names; 428 when there is none, 412 when it cannot be ours.
	 */
	static long version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
					"Send If-Match with the ETag of the issue as you last read it, so you cannot overwrite a change you have not seen.");
			problem.setType(PRECONDITION_REQUIRED);
			problem.setTitle("If-Match required");
			throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
		}
		String tag = ifMatch.strip();
		if (tag.equals("*")) {
			// "Any version": the caller knowingly overwrites.
			return -1;
		}
		if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
			tag = tag.substring(1, tag.length() - 1);
		}
		try {
			return Long.parseLong(tag);
		}
		catch (NumberFormatException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
					"If-Match does not name a version of this issue; read the issue again and use its ETag.");
			problem.setType(URI.create("urn:triage-desk:problem:stale-version"));
			problem.setTitle("Stale version");
			throw new ErrorResponseException(HttpStatus.PRECONDITION_FAILED, problem, null);
		}
	}

}
