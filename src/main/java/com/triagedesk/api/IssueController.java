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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

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

import com.triagedesk.NextPage;
import com.triagedesk.PlainText;
import com.triagedesk.TimeBounds;
import com.triagedesk.issues.ChangedIssue;
import com.triagedesk.issues.IssueDetails;
import com.triagedesk.issues.IssueFilter;
import com.triagedesk.issues.IssueManagement;
import com.triagedesk.issues.IssueNotFoundException;
import com.triagedesk.issues.IssuePage;
import com.triagedesk.issues.IssueQueries;
import com.triagedesk.issues.IssueStatus;
import com.triagedesk.issues.IssueUpdate;
import com.triagedesk.issues.MessageKind;
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
@Tag(name = "Issues", description = "Issues with VSD keys: list, read, update, reply, participants, split, merge")
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
	@Operation(operationId = "listIssues", summary = "List issues with filters", security = @SecurityRequirement(name = "apiKey", scopes = "issues:read"))
	@GetMapping
	ResponseEntity<IssuePage> list(@RequestParam(required = false) Set<IssueStatus> status,
			@RequestParam(required = false) @Size(max = 200) String assignee,
			@RequestParam(required = false) @Size(max = 100) String organizationNumber,
			@RequestParam(required = false) @Size(max = 100) String merchantSerialNumber,
			@RequestParam(required = false) java.time.Instant updatedSince,
			@RequestParam(required = false) @PlainText @Size(max = 500) String q,
			@RequestParam(required = false) @Size(max = 50) String route,
			@RequestParam(required = false) @PlainText @Size(max = 200) String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
		Callers.require(ApiScope.ISSUES_READ);
		IssuePage page = issues.list(new IssueFilter(status, assignee, organizationNumber, merchantSerialNumber,
				TimeBounds.check(updatedSince, "updatedSince"), q, route), cursor, limit);
		ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
		String next = NextPage.link(page.nextCursor());
		if (next != null) {
			ok.header(HttpHeaders.LINK, next);
		}
		return ok.body(page);
	}

	/**
	 * The issue: the staff view (notes, history) with an {@code issues:read} key, the reporter's
	 * view with the follow-up token. A merged issue's key gives the issue it was merged into,
	 * named in {@code Content-Location}.
	 */
	@Operation(operationId = "getIssue", summary = "Read an issue",
			description = "Staff view with an issues:read key (with ETag for If-Match); the reporter's view with the follow-up token.",
			security = { @SecurityRequirement(name = "apiKey", scopes = "issues:read"), @SecurityRequirement(name = "followUpToken") })
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

	@Schema(name = "IssueChanges")
	record Update(IssueStatus status, @PlainText @Size(max = 200) String assignee, Priority priority, Boolean escalated,
			@PlainText @Size(max = 1000) String escalationReason) {
	}

	/**
	 * Changes status, assignee, priority and escalation in one step.
	 */
	@Operation(operationId = "updateIssue", summary = "Change status, assignee, priority or escalation",
			description = "Needs If-Match with the ETag from the last read: 428 without it, 412 when the issue changed since.",
			security = @SecurityRequirement(name = "apiKey", scopes = "issues:write"))
	@PatchMapping(path = "/{key}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	ResponseEntity<IssueDetails> update(@PathVariable String key,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			@Valid @RequestBody Update update) {
		var actor = Callers.require(ApiScope.ISSUES_WRITE);
		long expected = version(ifMatch);
		// An escalation reason is free text staff write (and paste into): shown to every agent and sent
		// to webhooks, so it is redacted like a note.
		ChangedIssue changed = management.update(key, expected < 0 ? null : expected, new IssueUpdate(update.status(), update.assignee(),
				update.priority(), update.escalated(), redact("escalationReason", update.escalationReason())), actor);
		IssueDetails issue = issues.find(changed.key().value()).orElseThrow();
		return ResponseEntity.ok().eTag(etag(issue.version())).body(issue);
	}

	@Schema(name = "MessageText")
	record Text(@NotBlank @PlainText @Size(max = 100_000) String text) {
	}

	/**
	 * A reply to every participant; the first one stops the first-response clock.
	 */
	@Operation(operationId = "addReply", summary = "Reply to every participant", security = @SecurityRequirement(name = "apiKey", scopes = "issues:write"),
			responses = @ApiResponse(responseCode = "201", description = "The reply was added and is being mailed", useReturnTypeSchema = true))
	@PostMapping(path = "/{key}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Posted> reply(@PathVariable String key, @Valid @RequestBody Text reply) {
		var actor = Callers.require(ApiScope.ISSUES_WRITE);
		// Staff paste logs too: a reply goes to every participant, so it is redacted like a request.
		PostedMessage posted = management.reply(key, redactor.redact("reply", reply.text()).text(), actor);
		return ResponseEntity.created(location(posted.key().value())).eTag(etag(posted.version())).body(Posted.of(posted));
	}

	/**
	 * An internal note; the reporter never sees it.
	 */
	@Operation(operationId = "addNote", summary = "Add an internal note", security = @SecurityRequirement(name = "apiKey", scopes = "issues:write"),
			responses = @ApiResponse(responseCode = "201", description = "The note was added", useReturnTypeSchema = true))
	@PostMapping(path = "/{key}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Posted> note(@PathVariable String key, @Valid @RequestBody Text note) {
		var actor = Callers.require(ApiScope.ISSUES_WRITE);
		PostedMessage posted = management.note(key, redactor.redact("note", note.text()).text(), actor);
		return ResponseEntity.created(location(posted.key().value())).eTag(etag(posted.version())).body(Posted.of(posted));
	}

	/**
	 * A reply or note as stored.
	 */
	@Schema(name = "PostedMessage")
	record Posted(String issueKey, long messageId, MessageKind kind, IssueStatus status, long version) {

		static Posted of(PostedMessage posted) {
			return new Posted(posted.key().value(), posted.messageId(), posted.kind(), posted.status(), posted.version());
		}

	}

	/**
	 * @param added false when the address was a participant already
	 */
	record ParticipantChange(String issueKey, IssueStatus status, long version, boolean added) {
	}

	record NewParticipant(@NotBlank @PlainText @Email(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$") @Size(max = 254) String email) {
	}

	@Operation(operationId = "addParticipant", summary = "Add a participant (CC)", security = @SecurityRequirement(name = "apiKey", scopes = "issues:write"),
			responses = { @ApiResponse(responseCode = "201", description = "Added", useReturnTypeSchema = true),
					@ApiResponse(responseCode = "200", description = "Already a participant", useReturnTypeSchema = true) })
	@PostMapping(path = "/{key}/participants", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ParticipantChange> addParticipant(@PathVariable String key,
			@Valid @RequestBody NewParticipant participant) {
		ChangedIssue changed = management.addParticipant(key, participant.email(),
				Callers.require(ApiScope.ISSUES_WRITE));
		return ResponseEntity.status(changed.changed() ? HttpStatus.CREATED : HttpStatus.OK)
			.eTag(etag(changed.version()))
			.body(new ParticipantChange(changed.key().value(), changed.status(), changed.version(), changed.changed()));
	}

	@Operation(operationId = "removeParticipant", summary = "Remove a participant", security = @SecurityRequirement(name = "apiKey", scopes = "issues:write"),
			responses = @ApiResponse(responseCode = "204", description = "Removed; they get no more updates"))
	// 204 without a body: any Accept will do (clients ask for application/problem+json here).
	@DeleteMapping(path = "/{key}/participants/{email}", produces = MediaType.ALL_VALUE)
	ResponseEntity<Void> removeParticipant(@PathVariable String key, @PathVariable String email) {
		ChangedIssue changed = management.removeParticipant(key, email, Callers.require(ApiScope.ISSUES_WRITE));
		return ResponseEntity.noContent().eTag(etag(changed.version())).build();
	}

	@Schema(name = "SplitRequest")
	record Split(@PlainText @Size(max = 500) String subject, @PlainText @Size(max = 200_000) String description,
			@Size(max = 1000) Set<@NotNull Long> messageIds) {
	}

	/**
	 * Moves the chosen messages into a new issue linked to this one.
	 */
	@Operation(operationId = "splitIssue", summary = "Split messages off into a new issue", security = @SecurityRequirement(name = "apiKey", scopes = "issues:write"),
			responses = @ApiResponse(responseCode = "201", description = "The new issue", useReturnTypeSchema = true))
	@PostMapping(path = "/{key}/split", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Opened> split(@PathVariable String key, @Valid @RequestBody Split split) {
		// The new issue's subject and description are a new request's: redacted like one.
		OpenedIssue opened = management.split(key, new SplitRequest(redact("subject", split.subject()),
				redact("description", split.description()), split.messageIds()), Callers.require(ApiScope.ISSUES_WRITE));
		return ResponseEntity.created(location(opened.key().value()))
			.body(new Opened(opened.key().value(), opened.status().name(), key));
	}

	@Schema(name = "SplitResult")
	record Opened(String issueKey, String status, String splitFrom) {
	}

	@Schema(name = "MergeRequest")
	record Merge(@NotBlank @Size(max = 40) String into) {
	}

	/**
	 * Merges this issue into another; this key resolves to the other from then on.
	 */
	@Operation(operationId = "mergeIssue", summary = "Merge this issue into another", security = @SecurityRequirement(name = "apiKey", scopes = "issues:write"))
	@PostMapping(path = "/{key}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IssueDetails> merge(@PathVariable String key, @Valid @RequestBody Merge merge) {
		ChangedIssue target = management.merge(key, merge.into(), Callers.require(ApiScope.ISSUES_WRITE));
		IssueDetails issue = issues.find(target.key().value()).orElseThrow();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_LOCATION, location(issue.key()).toString())
			.eTag(etag(issue.version()))
			.body(issue);
	}

	private String redact(String location, String text) {
		return text == null ? null : redactor.redact(location, text).text();
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
