package com.triagedesk.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.triagedesk.issues.Actor;
import com.triagedesk.issues.IssueCreated;
import com.triagedesk.issues.IssueDetails;
import com.triagedesk.issues.IssueQueries;
import com.triagedesk.issues.IssueStatus;
import com.triagedesk.issues.IssueStatusChanged;
import com.triagedesk.issues.MessageAdded;
import com.triagedesk.issues.MessageKind;
import com.triagedesk.routing.RequestRedirected;

/**
 * Decides which mails a change causes and writes them to the outbox. The listeners run inside the
 * transaction that made the change, so the change and its mails are stored together or not at all.
 */
@Component
class MailNotifications {

	static final String AUTO_REPLY = "AUTO_REPLY";

	static final String REDIRECT = "REDIRECT";

	static final String COMPLETE = "COMPLETE";

	static final String STAFF_REPLY = "STAFF_REPLY";

	static final String STATUS = "STATUS";

	static final String ROTATION = "ROTATION";

	private static final String AUTO_REPLIED = "auto-replied";

	private static final String AUTO_GENERATED = "auto-generated";

	private final IssueQueries issues;

	private final OutboundMail mail;

	private final MailTemplates templates;

	private final MailProperties properties;

	MailNotifications(IssueQueries issues, OutboundMail mail, MailTemplates templates, MailProperties properties) {
		this.issues = issues;
		this.mail = mail;
		this.templates = templates;
		this.properties = properties;
	}

	@EventListener
	void on(IssueCreated created) {
		IssueDetails issue = issue(created.key().value());
		Language language = languageOf(issue);
		Map<String, Object> model = model(issue, language);
		model.put("followUpOf", created.followUpOf() == null ? null : created.followUpOf().value());
		model.put("splitFrom", created.splitFrom() == null ? null : created.splitFrom().value());
		toAll(issue, AUTO_REPLY, templates.text("auto-reply", language, model),
				templates.html("auto-reply", language, model), AUTO_REPLIED, language);
		if (!created.redactedSecrets().isEmpty()) {
			rotation(issue, issue.reporter().email(), created.redactedSecrets(), language);
		}
	}

	@EventListener
	void on(IssueStatusChanged changed) {
		IssueDetails issue = issue(changed.key().value());
		Language language = languageOf(issue);
		Map<String, Object> model = model(issue, language);
		if (changed.from() == IssueStatus.NEEDS_INFO && changed.to() == IssueStatus.OPEN
				&& changed.actor().equals(Actor.SYSTEM)) {
			toAll(issue, COMPLETE, templates.text("complete", language, model), null, AUTO_REPLIED, language);
		}
		else if (byStaff(changed.actor())) {
			model.put("status", changed.to().name());
			model.put("statusText", MailTexts.status(changed.to().name(), language));
			model.put("reason", changed.reason());
			model.put("merged", changed.reason() != null && changed.reason().startsWith("Merged into"));
			if (changed.to() != IssueStatus.NEEDS_INFO) {
				model.put("missing", List.of());
			}
			toAll(issue, STATUS, templates.text("status", language, model), null, AUTO_GENERATED, language);
		}
		// Changes the reporter caused (a reply that reopens) need no mail: they know.
	}

	@EventListener
	void on(MessageAdded added) {
		if (added.kind() == MessageKind.REPLY) {
			IssueDetails issue = issue(added.key().value());
			Language language = languageOf(issue);
			Map<String, Object> model = model(issue, language);
			model.put("body", issue.messages().stream().filter(m -> m.id() == added.messageId()).findFirst()
				.map(IssueDetails.Message::body).orElse(""));
			toAll(issue, STAFF_REPLY, templates.text("reply", language, model), null, null, language);
		}
		else if (added.kind() == MessageKind.INBOUND && !added.redactedSecrets().isEmpty()) {
			IssueDetails issue = issue(added.key().value());
			rotation(issue, added.actor().id(), added.redactedSecrets(), languageOf(issue));
		}
	}

	@EventListener
	void on(RequestRedirected redirected) {
		Language language = Language.of(redirected.subject(), redirected.text());
		Map<String, Object> model = new HashMap<>();
		model.put("name", redirected.reporterName());
		model.put("subject", Headers.oneLine(redirected.subject()));
		model.put("destination", redirected.route().name());
		model.put("instructions", redirected.route().instructions());
		model.put("link", redirected.route().link());
		model.put("contact", redirected.route().contact() == null ? null
				: redirected.route().contact().name() + " (" + redirected.route().contact().channel() + ")");
		model.put("signature", properties.supportName());
		mail.send(REDIRECT, null, redirected.reporterEmail(), redirected.cc(), "Re: " + redirected.subject(),
				templates.text("redirect", language, model), null, AUTO_REPLIED, language, List.of());
	}

	private void rotation(IssueDetails issue, String to, List<String> kinds, Language language) {
		Map<String, Object> model = model(issue, language);
		model.put("secrets", String.join(", ", kinds.stream().map(MailNotifications::secretName).toList()));
		String subject = (language == Language.NO ? "Bytt nøklene dine: " : "Rotate your credentials: ")
				+ "[" + issue.key() + "] " + issue.subject();
		mail.send(ROTATION, issue.key(), to, List.of(), subject, templates.text("rotation", language, model), null,
				AUTO_REPLIED, language, received(issue));
	}

	/**
	 * To the reporter, with every other active participant on copy.
	 */
	private void toAll(IssueDetails issue, String kind, String text, String html, String autoSubmitted,
			Language language) {
		IssueDetails.Participant reporter = issue.reporter();
		List<String> cc = issue.participants().stream()
			.filter(IssueDetails.Participant::active)
			.filter(p -> !p.email().equalsIgnoreCase(reporter.email()))
			.map(IssueDetails.Participant::email)
			.toList();
		String to = reporter.active() ? reporter.email() : null;
		mail.send(kind, issue.key(), to, cc, "[" + issue.key() + "] " + issue.subject(), text, html, autoSubmitted,
				language, received(issue));
	}

	/**
	 * The e-mails the issue's messages came with: our answers thread under them.
	 */
	private static List<Outbox.ThreadId> received(IssueDetails issue) {
		return issue.messages()
			.stream()
			.filter(m -> m.externalId() != null)
			.map(m -> new Outbox.ThreadId(m.externalId(), m.createdAt()))
			.toList();
	}

	private Map<String, Object> model(IssueDetails issue, Language language) {
		Map<String, Object> model = new HashMap<>();
		model.put("name", issue.reporter().name());
		model.put("key", issue.key());
		model.put("subject", Headers.oneLine(issue.subject()));
		IssueDetails.Checklist checklist = issue.checklist();
		boolean complete = checklist != null && checklist.complete();
		model.put("complete", complete);
		model.put("missing", checklist == null ? List.of() : checklist.missing().stream()
			.map(item -> Map.of("title", MailTexts.title(item.key(), language), "hint",
					MailTexts.hint(item.key(), language)))
			.toList());
		model.put("received", checklist == null ? List.of() : checklist.items().stream()
			.filter(item -> "OK".equals(item.state()) && item.value() != null)
			.map(item -> Map.of("title", MailTexts.title(item.key(), language), "value", Headers.oneLine(
					item.value().length() > 120 ? item.value().substring(0, 119) + "…" : item.value())))
			.toList());
		model.put("sla", MailTexts.firstResponse(issue.sla().target(), issue.sla().firstResponseDueAt(), language));
		model.put("businessHours", MailTexts.businessHours(language));
		model.put("slaTarget", MailTexts.firstResponse(issue.sla().target(), null, language));
		// Reporters who wrote by e-mail have no follow-up token: they reply to the mail.
		model.put("viaEmail", "EMAIL".equals(issue.channel()));
		model.put("followUpUrl", properties.publicUrl() + "/api/v1/issues/" + issue.key() + "/messages");
		model.put("signature", properties.supportName());
		return model;
	}

	private IssueDetails issue(String key) {
		return issues.find(key).orElseThrow(() -> new IllegalStateException("Issue " + key + " vanished in its own transaction"));
	}

	private static Language languageOf(IssueDetails issue) {
		return Language.of(issue.subject(), issue.description());
	}

	private static boolean byStaff(Actor actor) {
		return actor.id().startsWith("staff:") || actor.id().startsWith("api-key:");
	}

	private static String secretName(String kind) {
		return kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

}
