package com.triagedesk.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.swagger.v3.oas.annotations.media.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.triagedesk.checklist.ChecklistEvaluator;
import com.triagedesk.checklist.ChecklistInput;
import com.triagedesk.checklist.Evaluation;
import com.triagedesk.issues.Access;
import com.triagedesk.issues.Actor;
import com.triagedesk.issues.Channel;
import com.triagedesk.issues.IssueDetails;
import com.triagedesk.issues.IssueKey;
import com.triagedesk.issues.IssueManagement;
import com.triagedesk.issues.IssueQueries;
import com.triagedesk.issues.NewAttachment;
import com.triagedesk.issues.NewIssue;
import com.triagedesk.issues.NewMessage;
import com.triagedesk.issues.OpenedIssue;
import com.triagedesk.issues.Received;
import com.triagedesk.routing.RequestRedirected;
import com.triagedesk.routing.Route;
import com.triagedesk.routing.Router;
import com.triagedesk.routing.RoutingInput;
import com.triagedesk.secrets.RedactedText;
import com.triagedesk.secrets.Redaction;
import com.triagedesk.secrets.SecretRedactor;

/**
 * One processor for every inbound e-mail, from IMAP or the API: size, duplicate and loop checks,
 * then threading (a known Message-ID, then the key in the Subject from a participant) or a new
 * request through redaction, the checklist and routing. Each mail is processed in one transaction
 * with its intake-log row, so it is either handled and logged, or neither.
 */
@Service
public class MailIntake {

	private static final Logger log = LoggerFactory.getLogger(MailIntake.class);

	public static final String NEW_ISSUE = "NEW_ISSUE";

	public static final String APPENDED = "APPENDED";

	public static final String REDIRECTED = "REDIRECTED";

	public static final String DUPLICATE = "DUPLICATE";

	public static final String QUARANTINED_LOOP = "QUARANTINED_LOOP";

	public static final String REJECTED_TOO_LARGE = "REJECTED_TOO_LARGE";

	public static final String FOLLOW_UP_OF_CLOSED = "FOLLOW_UP_OF_CLOSED";

	public static final String FAILED = "FAILED";

	/**
	 * What became of one mail.
	 */
	@Schema(name = "InboundEmailResult")
	public record Result(String outcome, String issueKey, String reason) {
	}

	/**
	 * One row of the intake log.
	 */
	@Schema(name = "InboundEmailLogEntry")
	public record LogEntry(UUID id, String messageId, String via, String from, String subject, String outcome,
			String reason, String issueKey, long size, Instant receivedAt) {
	}

	private final InboundLog inbound;

	private final SecretRedactor redactor;

	private final ChecklistEvaluator evaluator;

	private final Router router;

	private final IssueManagement management;

	private final IssueQueries queries;

	private final ApplicationEventPublisher events;

	private final OutboundMail outbound;

	private final MailTemplates templates;

	private final MailProperties properties;

	private final TransactionTemplate transaction;

	private final Clock clock;

	MailIntake(InboundLog inbound, SecretRedactor redactor, ChecklistEvaluator evaluator, Router router,
			IssueManagement management, IssueQueries queries, ApplicationEventPublisher events, OutboundMail outbound,
			MailTemplates templates, MailProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.inbound = inbound;
		this.redactor = redactor;
		this.evaluator = evaluator;
		this.router = router;
		this.management = management;
		this.queries = queries;
		this.events = events;
		this.outbound = outbound;
		this.templates = templates;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Processes one raw RFC 822 message.
	 *
	 * @param via {@code IMAP} or {@code API}
	 */
	public Result ingest(byte[] raw, String via) {
		if (raw.length > properties.inboundMaxSize().toBytes()) {
			return transaction.execute(status -> tooLarge(raw, via, clock.instant()));
		}
		// Parsed before any transaction: a slow or hostile mail holds no database connection.
		InboundMessage mail;
		try {
			String bomb = MimeReader.tooComplex(raw);
			if (bomb != null) {
				return failed(null, via, raw, bomb);
			}
			InboundMessage read = MimeReader.read(raw, properties.supportAddress());
			// The sender's display name is text they chose, like the subject: it becomes the reporter's
			// name on the issue and in every mail's greeting, so its secrets are cut before anything uses it.
			mail = read.withFromName(read.fromName() == null ? null : redactor.redact("from", read.fromName()).text());
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			// The reason is shown to staff and API callers: what happened, never the class that said so.
			log.info("Inbound mail could not be read as MIME: {}", ex.getClass().getName());
			return failed(null, via, raw, "The mail could not be read as MIME");
		}
		try {
			return transaction.execute(status -> process(mail, raw, via));
		}
		catch (DuplicateKeyException ex) {
			// The same Message-ID processed at this very moment by another door or instance.
			return transaction.execute(status -> {
				inbound.record(mail.messageId(), via, mail.from(), null, null, DUPLICATE,
						"Processed at the same moment by another worker", null, null, raw.length, clock.instant());
				return new Result(DUPLICATE, null, "Processed at the same moment by another worker");
			});
		}
		catch (RuntimeException ex) {
			// Whatever went wrong, the mail is logged and the mailbox moves on: one bad mail must
			// never stop the ones behind it.
			log.warn("Inbound mail {} could not be processed: {}", mail.messageId(), ex.getClass().getName());
			return failed(mail, via, raw, "Processing failed; the mail is kept here for staff");
		}
	}

	private Result failed(InboundMessage mail, String via, byte[] raw, String reason) {
		return transaction.execute(status -> {
			if (mail == null) {
				inbound.record("<unreadable-" + UUID.randomUUID() + ">", via, null, null, null, FAILED, reason, null, null,
						raw.length, clock.instant());
			}
			else {
				log(mail, via, FAILED, reason, null, true, raw.length, clock.instant());
			}
			return new Result(FAILED, null, reason);
		});
	}

	private Result process(InboundMessage mail, byte[] raw, String via) {
		Instant now = clock.instant();
		Optional<InboundLog.Entry> earlier = inbound.processed(mail.messageId());
		if (earlier.isPresent()) {
			String reason = "Message-ID already processed on " + earlier.get().receivedAt() + " ("
					+ earlier.get().outcome() + ")";
			log(mail, via, DUPLICATE, reason, earlier.get().issueKey(), false, raw.length, now);
			return new Result(DUPLICATE, earlier.get().issueKey(), reason);
		}
		if (mail.loopSignal() != null) {
			return quarantine(mail, via, "Not answered: " + mail.loopSignal(), raw, now);
		}
		if (inbound.fromSenderSince(mail.from(), now.minus(Duration.ofHours(1))) >= properties.inboundPerSenderPerHour()) {
			return quarantine(mail, via, "More than " + properties.inboundPerSenderPerHour()
					+ " mails from this sender within an hour (a flood or a loop)", raw, now);
		}
		Optional<String> thread = thread(mail);
		if (thread.isPresent()) {
			return append(thread.get(), mail, via, raw, now);
		}
		return newRequest(mail, via, raw, now);
	}

	/**
	 * Threading, in this order: a Message-ID we know in In-Reply-To/References; then the key in the
	 * Subject, but only from someone already on the issue (a stranger keeping an old Subject starts
	 * a new request).
	 */
	private Optional<String> thread(InboundMessage mail) {
		Optional<String> known = inbound.issueOf(mail.answers());
		if (known.isPresent()) {
			return known;
		}
		Optional<IssueKey> key = keyIn(mail.subject());
		if (key.isEmpty()) {
			return Optional.empty();
		}
		return queries.find(key.get().value())
			.filter(issue -> issue.participants()
				.stream()
				.anyMatch(p -> p.active() && p.email().equalsIgnoreCase(mail.from())))
			.map(issue -> key.get().value());
	}

	private Result append(String key, InboundMessage mail, String via, byte[] raw, Instant now) {
		Redacted redacted = redact(mail, mail.text());
		IssueDetails issue = queries.find(key).orElseThrow();
		Received received = management.receive(key, new Access.Trusted(Actor.participant(mail.from(), Channel.EMAIL)),
				new NewMessage(mail.from(), mail.fromName(), Channel.EMAIL, redacted.text(), null, null,
						phone(mail.signature()), roomFor(issue, participants(mail)), redacted.attachments(),
						redacted.secretKinds(), mail.messageId()));
		String outcome;
		String reason;
		if (Received.FOLLOW_UP_CREATED.equals(received.outcome())) {
			outcome = FOLLOW_UP_OF_CLOSED;
			reason = received.followUpOf() + " is closed; opened " + received.key() + " linked to it";
		}
		else {
			outcome = APPENDED;
			reason = received.followUpOf() != null
					? received.followUpOf() + " is closed; added to its follow-up " + received.key()
					: "Added to " + received.key() + (mail.quoted() ? " (quoted history removed)" : "");
		}
		log(mail, via, outcome, reason + notes(mail), received.key().value(), true, raw.length, now);
		return new Result(outcome, received.key().value(), reason);
	}

	private Result newRequest(InboundMessage mail, String via, byte[] raw, Instant now) {
		Redacted redacted = redact(mail, mail.fullText());
		String subject = redacted.subject().isBlank() ? "(no subject)" : redacted.subject();
		String text = redacted.text().isBlank() ? "(no text)" : redacted.text();
		String phone = phone(mail.signature());
		Evaluation evaluation = evaluator.evaluate(new ChecklistInput(subject, text, mail.fromName(), mail.from(), phone,
				null, null, null, null, null, null, null, List.of(), null, null, null, redacted.forChecklist()));
		boolean technical = evaluation.facts().httpMethod() != null || evaluation.facts().httpStatus() != null
				|| evaluation.facts().sourceCodeLanguage() != null;
		Route route = router.route(new RoutingInput(subject, text, null, mail.from(), evaluation.facts(), technical));
		List<String> all = participants(mail);
		List<String> cc = all.size() > 49 ? all.subList(0, 49) : all;
		if (route.redirects()) {
			events.publishEvent(new RequestRedirected(UUID.randomUUID(), subject, text, mail.from(), mail.fromName(), cc,
					route, now));
			String reason = "Sent to " + route.name() + ": " + String.join(" ", route.reasons());
			log(mail, via, REDIRECTED, reason + notes(mail), null, true, raw.length, now);
			return new Result(REDIRECTED, null, reason);
		}
		OpenedIssue opened = management.open(new NewIssue(subject, text,
				new NewIssue.Contact(mail.fromName(), mail.from(), phone),
				cc, null, redacted.attachments(), evaluation, Channel.EMAIL,
				redacted.secretKinds(), mail.messageId()), route.destination().name(),
				route.suggested() == null ? null : route.suggested().name());
		String reason = "New request, " + (evaluation.complete() ? "complete"
				: "missing " + String.join(", ", evaluation.blocking().stream().map(i -> i.key().name()).toList()));
		log(mail, via, NEW_ISSUE, reason + notes(mail), opened.key().value(), true, raw.length, now);
		return new Result(NEW_ISSUE, opened.key().value(), reason);
	}

	private Result quarantine(InboundMessage mail, String via, String reason, byte[] raw, Instant now) {
		log(mail, via, QUARANTINED_LOOP, reason, null, true, raw.length, now);
		log.info("Quarantined inbound mail {} from {}: {}", mail.messageId(), mail.from(), reason);
		return new Result(QUARANTINED_LOOP, null, reason);
	}

	/**
	 * Too large to take in: logged without its content, and the sender told, unless the mail is
	 * automatic (never answer a machine).
	 */
	private Result tooLarge(byte[] raw, String via, Instant now) {
		MimeMessage message = parseQuietly(raw);
		String id = message == null ? "<too-large-" + UUID.randomUUID() + ">" : messageIdQuietly(message, raw);
		String reason = "The mail is " + megabytes(raw.length) + "; at most "
				+ megabytes(properties.inboundMaxSize().toBytes()) + " are taken in";
		String from = null;
		String subject = null;
		String loop = null;
		if (message != null) {
			try {
				InboundMessage headersOnly = MimeReader.read(headerBytes(raw), properties.supportAddress());
				from = headersOnly.from();
				subject = redactor.redact("subject", headersOnly.subject()).text();
				loop = headersOnly.loopSignal();
			}
			catch (MessagingException | IOException | RuntimeException ex) {
				// No sender to tell.
			}
		}
		if (inbound.processed(id).isPresent()) {
			inbound.record(id, via, from, subject, null, DUPLICATE, reason, null, null, raw.length, now);
			return new Result(DUPLICATE, null, reason);
		}
		inbound.record(id, via, from, subject, null, REJECTED_TOO_LARGE, reason, null, null, raw.length, now);
		if (from != null && loop == null) {
			Language language = Language.of(subject);
			outbound.send("TOO_LARGE", null, from, List.of(), "Re: " + (subject == null ? "" : subject),
					templates.text("too-large", language, Map.of("subject", subject == null ? "" : subject, "limit",
							megabytes(properties.inboundMaxSize().toBytes()), "signature", properties.supportName())),
					null, "auto-replied", language, List.of());
		}
		return new Result(REJECTED_TOO_LARGE, null, reason);
	}

	private record Redacted(String subject, String text, List<NewAttachment> attachments,
			List<ChecklistInput.Attachment> forChecklist, List<String> secretKinds) {
	}

	/**
	 * Cuts secrets from the subject, the text and every text file before anything else sees them.
	 */
	private Redacted redact(InboundMessage mail, String body) {
		List<Redaction> found = new ArrayList<>();
		RedactedText subject = redactor.redact("subject", mail.subject());
		found.addAll(subject.redactions());
		RedactedText text = redactor.redact("body", body);
		found.addAll(text.redactions());
		List<NewAttachment> attachments = new ArrayList<>();
		List<ChecklistInput.Attachment> forChecklist = new ArrayList<>();
		for (InboundMessage.File file : mail.files()) {
			if (file.image()) {
				attachments.add(new NewAttachment(file.filename(), file.contentType(), NewAttachment.Kind.IMAGE,
						file.content()));
				forChecklist.add(new ChecklistInput.Attachment(file.filename(), file.contentType(), file.content().length,
						null));
			}
			else {
				RedactedText content = redactor.redact("attachment " + file.filename(),
						new String(file.content(), StandardCharsets.UTF_8));
				found.addAll(content.redactions());
				byte[] clean = content.text().getBytes(StandardCharsets.UTF_8);
				attachments.add(new NewAttachment(file.filename(), file.contentType(), NewAttachment.Kind.TEXT, clean));
				forChecklist.add(new ChecklistInput.Attachment(file.filename(), file.contentType(), clean.length,
						content.text()));
			}
		}
		return new Redacted(subject.text(), text.text(), attachments, forChecklist,
				found.stream().map(r -> r.kind().name()).distinct().sorted().toList());
	}

	/**
	 * Everyone in To and Cc but us and the sender.
	 */
	private List<String> participants(InboundMessage mail) {
		List<String> people = new ArrayList<>();
		for (List<String> list : List.of(mail.to(), mail.cc())) {
			for (String address : list) {
				if (!address.equalsIgnoreCase(properties.supportAddress()) && !address.equalsIgnoreCase(mail.from())
						&& people.stream().noneMatch(address::equalsIgnoreCase)) {
					people.add(address);
				}
			}
		}
		return people;
	}

	/**
	 * As many new CCs as the issue still has room for; the rest are named in nothing but the mail.
	 */
	private static List<String> roomFor(IssueDetails issue, List<String> cc) {
		long active = issue.participants().stream().filter(IssueDetails.Participant::active).count();
		List<String> fresh = cc.stream()
			.filter(address -> issue.participants().stream().noneMatch(p -> p.email().equalsIgnoreCase(address)))
			.toList();
		long room = Math.max(0, 49 - active);
		return fresh.size() > room ? fresh.subList(0, (int) room) : fresh;
	}

	/**
	 * The first phone number in the signature, for the contact item.
	 */
	static String phone(String signature) {
		if (signature == null || signature.isBlank()) {
			return null;
		}
		Iterator<PhoneNumberMatch> matches = PhoneNumberUtil.getInstance()
			.findNumbers(signature.length() > 2000 ? signature.substring(0, 2000) : signature, "NO")
			.iterator();
		return matches.hasNext() ? matches.next().rawString() : null;
	}

	private static Optional<IssueKey> keyIn(String subject) {
		String upper = subject.toUpperCase(Locale.ROOT);
		for (int at = upper.indexOf("VSD-"); at >= 0; at = upper.indexOf("VSD-", at + 1)) {
			int end = at + 4;
			while (end < upper.length() && Character.isDigit(upper.charAt(end)) && end - at < 24) {
				end++;
			}
			Optional<IssueKey> key = IssueKey.parse(upper.substring(at, end));
			if (key.isPresent()) {
				return key;
			}
		}
		return Optional.empty();
	}

	/**
	 * Logs a mail with what its sender wrote, redacted: the subject, the text and the names of its files.
	 */
	private void log(InboundMessage mail, String via, String outcome, String reason, String issueKey, boolean keep,
			long size, Instant now) {
		String content = null;
		if (keep) {
			StringBuilder kept = new StringBuilder(redactor.redact("body", mail.fullText()).text());
			mail.files().forEach(file -> kept.append("\n[file: ").append(file.filename()).append(']'));
			content = kept.toString();
		}
		inbound.record(mail.messageId(), via, mail.from(), redactor.redact("subject", mail.subject()).text(),
				mail.inReplyTo(), outcome, reason.length() > 2000 ? reason.substring(0, 2000) : reason, issueKey, content,
				size, now);
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	private static String notes(InboundMessage mail) {
		return mail.notes().isEmpty() ? "" : ". " + String.join(". ", mail.notes());
	}

	private static MimeMessage parseQuietly(byte[] raw) {
		try {
			return MimeReader.parse(raw);
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static String messageIdQuietly(MimeMessage message, byte[] raw) {
		try {
			return MimeReader.messageIdOf(message, raw);
		}
		catch (MessagingException | RuntimeException ex) {
			return "<unreadable-" + UUID.randomUUID() + ">";
		}
	}

	/**
	 * The header block of a raw message (up to the first empty line), to read a huge mail's sender
	 * without its body.
	 */
	private static byte[] headerBytes(byte[] raw) {
		int limit = Math.min(raw.length, 256 * 1024);
		for (int i = 0; i + 3 < limit; i++) {
			if (raw[i] == '\r' && raw[i + 1] == '\n' && raw[i + 2] == '\r' && raw[i + 3] == '\n') {
				return java.util.Arrays.copyOf(raw, i + 4);
			}
			if (raw[i] == '\n' && raw[i + 1] == '\n') {
				return java.util.Arrays.copyOf(raw, i + 2);
			}
		}
		return java.util.Arrays.copyOf(raw, limit);
	}

	/**
	 * The intake log, newest first.
	 */
	public List<LogEntry> log(String outcome, String issueKey, int limit) {
		return inbound.list(outcome, issueKey, Math.max(1, Math.min(limit, 500)))
			.stream()
			.map(e -> new LogEntry(e.id(), e.messageId(), e.via(), e.from(), e.subject(), e.outcome(), e.reason(),
					e.issueKey(), e.size(), e.receivedAt()))
			.toList();
	}

}
