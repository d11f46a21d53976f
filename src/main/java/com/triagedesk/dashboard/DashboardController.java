package com.triagedesk.dashboard;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.triagedesk.issues.Actor;
import com.triagedesk.issues.Channel;
import com.triagedesk.issues.IssueDetails;
import com.triagedesk.issues.IssueFilter;
import com.triagedesk.issues.IssueKey;
import com.triagedesk.issues.IssueManagement;
import com.triagedesk.issues.IssueQueries;
import com.triagedesk.issues.IssueStatus;
import com.triagedesk.issues.IssueSummary;
import com.triagedesk.issues.IssueUpdate;
import com.triagedesk.issues.OpenedIssue;
import com.triagedesk.issues.Priority;
import com.triagedesk.issues.SplitRequest;
import com.triagedesk.routing.Destination;
import com.triagedesk.routing.Merchant;
import com.triagedesk.routing.MerchantDirectory;
import com.triagedesk.secrets.SecretRedactor;

/**
 * The staff dashboard: the queue by status (first response due soonest first), search, and the
 * issue page with every action. Changes go through {@link IssueManagement}, as the API's do, so
 * history, mail and webhooks follow the same way.
 */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

	private final IssueQueries issues;

	private final IssueManagement management;

	private final SecretRedactor redactor;

	private final MerchantDirectory merchants;

	DashboardController(IssueQueries issues, IssueManagement management, SecretRedactor redactor,
			MerchantDirectory merchants) {
		this.issues = issues;
		this.management = management;
		this.redactor = redactor;
		this.merchants = merchants;
	}

	static final int QUEUE_PAGE = 100;

	@GetMapping
	String queue(@RequestParam(required = false) IssueStatus status, @RequestParam(required = false) String q,
			@RequestParam(required = false) String who, @RequestParam(required = false) String route,
			@RequestParam(defaultValue = "100") int limit, Principal staff, Model model) {
		model.addAttribute("counts", issues.countByStatus());
		model.addAttribute("statuses", IssueStatus.values());
		if (q != null && !q.isBlank()) {
			Optional<IssueKey> key = IssueKey.parse(q);
			if (key.isPresent() && issues.find(key.get().value()).isPresent()) {
				return issuePage(key.get().value());
			}
			model.addAttribute("q", q.strip());
			model.addAttribute("issues", search(q.strip()));
			return "dashboard/queue";
		}
		IssueStatus shown = status == null ? IssueStatus.OPEN : status;
		int size = Math.max(QUEUE_PAGE, Math.min(limit, 1000));
		String assignee = switch (who == null ? "" : who) {
			case "mine" -> staff.getName();
			case "nobody" -> "";
			default -> null;
		};
		List<IssueSummary> page = issues.queue(Set.of(shown), assignee, route, size + 1);
		model.addAttribute("status", shown);
		model.addAttribute("who", who);
		model.addAttribute("route", route);
		model.addAttribute("routes", Destination.values());
		model.addAttribute("issues", page.size() > size ? page.subList(0, size) : page);
		// "Show more" lists the next ones too: the queue is ordered by due time, which changes as
		// issues are answered, so a longer list stays right where cursors would not.
		model.addAttribute("more", page.size() > size ? size + QUEUE_PAGE : null);
		return "dashboard/queue";
	}

	/**
	 * Several issues at once from the queue: assign them to me (or nobody), or set their status.
	 * Each is changed on its own; the answer says how many changed and which were refused, and why.
	 */
	@PostMapping("/bulk")
	String bulk(@RequestParam(required = false) List<String> keys, @RequestParam(required = false) IssueStatus status,
			@RequestParam(required = false) String assign, @RequestParam(required = false) IssueStatus back,
			Principal staff, RedirectAttributes flash) {
		if (keys == null || keys.isEmpty() || (status == null && assign == null)) {
			flash.addFlashAttribute("error", "Choose issues and what to do with them.");
		}
		else {
			String assignee = assign == null ? null : ("me".equals(assign) ? staff.getName() : "");
			int changed = 0;
			List<String> refused = new java.util.ArrayList<>();
			for (String key : keys.stream().limit(200).toList()) {
				try {
					management.update(key, null, new IssueUpdate(status, assignee, null, null, null), actor(staff));
					changed++;
				}
				catch (ErrorResponseException ex) {
					refused.add(key + ": " + ex.getBody().getDetail());
				}
			}
			flash.addFlashAttribute("done", changed + (changed == 1 ? " issue changed." : " issues changed."));
			if (!refused.isEmpty()) {
				flash.addFlashAttribute("error", String.join(" ", refused));
			}
		}
		return "redirect:/dashboard" + (back == null ? "" : "?status=" + back.name());
	}

	/**
	 * A redirect to an issue page, the key encoded: a key from the address ({@code %7Bx%7D}) must
	 * not be read as a template variable or break the Location header.
	 */
	static String issuePage(String key) {
		return "redirect:" + org.springframework.web.util.UriComponentsBuilder.fromPath("/dashboard/issues/{key}")
			.encode()
			.buildAndExpand(key)
			.toUriString();
	}

	/**
	 * An organization number or MSN exactly, else the words in subject, description and messages.
	 */
	private List<IssueSummary> search(String q) {
		String digits = q.replace(" ", "");
		if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
			List<IssueSummary> byNumber = new java.util.ArrayList<>(issues
				.list(new IssueFilter(Set.of(), null, digits, null, null, null, null), null, 100).items());
			byNumber.addAll(issues.list(new IssueFilter(Set.of(), null, null, digits, null, null, null), null, 100).items());
			if (!byNumber.isEmpty()) {
				return byNumber;
			}
		}
		return issues.list(new IssueFilter(Set.of(), null, null, null, null, q, null), null, 100).items();
	}

	@GetMapping("/issues/{key}")
	String issue(@PathVariable String key, @RequestParam(required = false) String compose, Model model,
			HttpServletResponse response) {
		Optional<IssueDetails> found = issues.find(key);
		if (found.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("key", key);
			return "dashboard/not-found";
		}
		IssueDetails issue = found.get();
		if (issue.requestedKey() != null) {
			return issuePage(issue.key());
		}
		model.addAttribute("issue", issue);
		model.addAttribute("statuses", IssueStatus.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("reply", "missing".equals(compose) ? missingItemsText(issue) : "");
		model.addAttribute("merchant", merchant(issue).orElse(null));
		if (issue.submission() != null) {
			model.addAttribute("httpRequest", marked(issue.submission().httpRequest()));
			model.addAttribute("httpResponse", marked(issue.submission().httpResponse()));
		}
		return "dashboard/issue";
	}

	/**
	 * A file of the issue. Screenshots are served as images of the type their magic bytes showed at
	 * intake, so the page can show them; anything else as plain text. Every file is a download
	 * ({@code Content-Disposition: attachment}) the browser may not sniff, run or frame.
	 */
	@GetMapping("/issues/{key}/attachments/{id}")
	org.springframework.http.ResponseEntity<byte[]> attachment(@PathVariable String key, @PathVariable long id) {
		return issues.attachment(key, id).map(file -> {
			boolean image = "IMAGE".equals(file.kind()) && SAFE_IMAGES.contains(file.contentType());
			// Always "attachment": an <img> still shows it, but opening the link never renders a
			// file in the dashboard's origin.
			org.springframework.http.ContentDisposition disposition = org.springframework.http.ContentDisposition.attachment()
				.filename(file.filename(), java.nio.charset.StandardCharsets.UTF_8)
				.build();
			return org.springframework.http.ResponseEntity.ok()
				.contentType(image ? org.springframework.http.MediaType.parseMediaType(file.contentType())
						: new org.springframework.http.MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
				.header("Content-Security-Policy", "default-src 'none'; sandbox")
				.header("X-Content-Type-Options", "nosniff")
				.body(file.content());
		}).orElseGet(() -> org.springframework.http.ResponseEntity.notFound().build());
	}

	/**
	 * Image types a browser shows without running anything (no SVG).
	 */
	static final Set<String> SAFE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

	@PostMapping("/issues/{key}/reply")
	String reply(@PathVariable String key, @RequestParam String text, @RequestParam(required = false) String requestMissing,
			Principal staff, RedirectAttributes flash) {
		return act(key, flash, () -> {
			if (text.isBlank()) {
				throw new IllegalArgumentException("Write a reply first.");
			}
			management.reply(key, redactor.redact("reply", text).text(), actor(staff));
			IssueDetails issue = issues.find(key).orElseThrow();
			if (requestMissing != null && IssueStatus.OPEN.name().equals(issue.status())) {
				// Asked for more: the issue waits on the reporter, and the clock with it.
				management.update(key, issue.version(), new IssueUpdate(IssueStatus.PENDING, null, null, null, null),
						actor(staff));
			}
			long recipients = issue.participants().stream().filter(IssueDetails.Participant::active).count();
			return "Reply sent to " + recipients + (recipients == 1 ? " participant." : " participants.");
		});
	}

	@PostMapping("/issues/{key}/note")
	String note(@PathVariable String key, @RequestParam String text, Principal staff, RedirectAttributes flash) {
		return act(key, flash, () -> {
			if (text.isBlank()) {
				throw new IllegalArgumentException("Write the note first.");
			}
			management.note(key, redactor.redact("note", text).text(), actor(staff));
			return "Internal note added.";
		});
	}

	@PostMapping("/issues/{key}/update")
	String update(@PathVariable String key, @RequestParam long version,
			@RequestParam(required = false) IssueStatus status, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) Priority priority, @RequestParam(required = false) String escalationReason,
			@RequestParam(required = false) String escalate, Principal staff, RedirectAttributes flash) {
		return act(key, flash, () -> {
			String newAssignee = "me".equals(assignee) ? staff.getName() : assignee;
			Boolean escalated = escalate == null ? null : Boolean.valueOf(escalate);
			// Free text staff write, shown to every agent and sent to webhooks: redacted like a note.
			management.update(key, version, new IssueUpdate(status, newAssignee, priority, escalated,
					escalationReason == null || escalationReason.isBlank() ? null
							: redactor.redact("escalationReason", escalationReason).text()), actor(staff));
			return "Saved.";
		});
	}

	@PostMapping("/issues/{key}/participants")
	String addParticipant(@PathVariable String key, @RequestParam String email, Principal staff,
			RedirectAttributes flash) {
		return act(key, flash, () -> {
			management.addParticipant(key, email.strip(), actor(staff));
			return email.strip() + " will receive every update.";
		});
	}

	@PostMapping("/issues/{key}/participants/remove")
	String removeParticipant(@PathVariable String key, @RequestParam String email, Principal staff,
			RedirectAttributes flash) {
		return act(key, flash, () -> {
			management.removeParticipant(key, email, actor(staff));
			return email + " receives no more updates.";
		});
	}

	/**
	 * Escalates to the merchant's key account manager from the merchant directory: the issue is
	 * marked escalated with the reason, and the KAM becomes a participant who receives every update.
	 */
	@PostMapping("/issues/{key}/escalate-to-kam")
	String escalateToKam(@PathVariable String key, @RequestParam long version, Principal staff,
			RedirectAttributes flash) {
		return act(key, flash, () -> {
			IssueDetails issue = issues.find(key).orElseThrow(() -> new IllegalArgumentException("No such issue."));
			Merchant merchant = merchant(issue).filter(m -> m.keyAccountManagerEmail() != null)
				.orElseThrow(() -> new IllegalArgumentException("The merchant directory names no key account manager here."));
			management.update(key, version, new IssueUpdate(null, null, null, true, "Escalated to the key account manager "
					+ merchant.keyAccountManager() + " (" + merchant.keyAccountManagerEmail() + ")"), actor(staff));
			management.addParticipant(key, merchant.keyAccountManagerEmail(), actor(staff));
			return "Escalated to " + merchant.keyAccountManagerEmail() + ", who now receives every update.";
		});
	}

	@PostMapping("/issues/{key}/split")
	String split(@PathVariable String key, @RequestParam String subject,
			@RequestParam(required = false) List<Long> messageIds, Principal staff, RedirectAttributes flash) {
		try {
			OpenedIssue opened = management.split(key, new SplitRequest(
					subject.isBlank() ? null : redactor.redact("subject", subject).text(), null,
					messageIds == null ? Set.of() : Set.copyOf(messageIds)), actor(staff));
			flash.addFlashAttribute("done", "Split off from " + key + ".");
			return issuePage(opened.key().value());
		}
		catch (ErrorResponseException refused) {
			flash.addFlashAttribute("error", refused.getBody().getDetail());
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return issuePage(key);
	}

	private Optional<Merchant> merchant(IssueDetails issue) {
		if (issue.submission() == null) {
			return Optional.empty();
		}
		return merchants.find(issue.submission().merchantSerialNumber(), issue.submission().organizationNumber());
	}

	@PostMapping("/issues/{key}/merge")
	String merge(@PathVariable String key, @RequestParam String into, Principal staff, RedirectAttributes flash) {
		String target = IssueKey.parse(into).map(IssueKey::value).orElse(into.strip());
		String result = act(key, flash, () -> {
			management.merge(key, target, actor(staff));
			return key + " was merged into " + target + ".";
		});
		return flash.getFlashAttributes().containsKey("error") ? result : issuePage(target);
	}

	/**
	 * Runs a change and comes back to the issue with what happened, or with why it did not
	 * (a stale version, a transition that is not allowed, bad input) in words.
	 */
	private String act(String key, RedirectAttributes flash, Action action) {
		try {
			flash.addFlashAttribute("done", action.run());
		}
		catch (ErrorResponseException refused) {
			flash.addFlashAttribute("error", refused.getBody().getDetail());
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("error", ex.getMessage());
		}
		return issuePage(key);
	}

	interface Action {

		String run();

	}

	/**
	 * Staff as the issues module knows them ({@code staff:<e-mail>}): a participant they remove
	 * stays removed, and their replies count as staff replies.
	 */
	private static Actor actor(Principal staff) {
		return Actor.staff(staff.getName(), Channel.STAFF);
	}

	/**
	 * A piece of text as the issue page shows it; {@code redacted} pieces are where a secret was
	 * cut ("…" and the last four characters it kept), shown marked.
	 */
	record Segment(String text, boolean redacted) {
	}

	/**
	 * Splits redacted text into plain and cut pieces, so the page can mark the cuts without
	 * writing any of the text as HTML.
	 */
	static List<Segment> marked(String text) {
		List<Segment> segments = new java.util.ArrayList<>();
		if (text == null) {
			return segments;
		}
		int start = 0;
		int at = text.indexOf('\u2026');
		while (at >= 0) {
			int end = at + 1;
			while (end < text.length() && end - at <= 4 && !Character.isWhitespace(text.charAt(end))
					&& text.charAt(end) != '"' && text.charAt(end) != ',' && text.charAt(end) != '&') {
				end++;
			}
			if (at > start) {
				segments.add(new Segment(text.substring(start, at), false));
			}
			segments.add(new Segment(text.substring(at, end), true));
			start = end;
			at = text.indexOf('\u2026', start);
		}
		if (start < text.length()) {
			segments.add(new Segment(text.substring(start), false));
		}
		return segments;
	}

	/**
	 * The "please send more details" reply, written from what the checklist found missing.
	 */
	static String missingItemsText(IssueDetails issue) {
		StringBuilder text = new StringBuilder();
		String name = issue.reporter().name();
		text.append("Hi").append(name == null || name.isBlank() ? "" : " " + name.strip()).append(",\n\n")
			.append("Thank you for your request. To look into it we need a few more details:\n\n");
		for (IssueDetails.Item item : issue.checklist().missing()) {
			text.append("- ").append(item.message() == null ? item.key().toLowerCase(Locale.ROOT).replace('_', ' ')
					: item.message()).append('\n');
		}
		text.append("\nReply to this e-mail, or add them on the status page of ").append(issue.key()).append(".\n");
		return text.toString();
	}

}
