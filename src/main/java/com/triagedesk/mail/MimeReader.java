package com.triagedesk.mail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/**
 * Reads raw RFC 822 bytes into an {@link InboundMessage}: decoded headers, the text part (or the
 * HTML part turned into text, safely), files, and loop signals. Bounded: at most
 * {@value #MAX_PARTS} parts, {@value #MAX_DEPTH} levels of nesting, so a MIME bomb costs little.
 */
final class MimeReader {

	static final int MAX_PARTS = 100;

	static final int MAX_DEPTH = 10;

	static final int MAX_FILE = 10 * 1024 * 1024;

	private static final Session SESSION = Session.getInstance(new Properties());

	private final String supportAddress;

	private final List<String> notes = new ArrayList<>();

	private final List<InboundMessage.File> files = new ArrayList<>();

	private String plain;

	private String html;

	private int parts;

	private MimeReader(String supportAddress) {
		this.supportAddress = supportAddress;
	}

	static InboundMessage read(byte[] raw, String supportAddress) throws MessagingException, IOException {
		return new MimeReader(supportAddress).readAll(raw);
	}

	/**
	 * The Message-ID, or one made from the content when the mail has none, so a copy of it is still
	 * recognised as one.
	 */
	static String messageIdOf(MimeMessage message, byte[] raw) throws MessagingException {
		String id = message.getMessageID();
		if (id != null && !id.isBlank() && id.length() <= 998) {
			return Headers.oneLine(id);
		}
		try {
			return "<" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw))
					+ "@no-message-id.triage-desk>";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static MimeMessage parse(byte[] raw) throws MessagingException {
		return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
	}

	private InboundMessage readAll(byte[] raw) throws MessagingException, IOException {
		MimeMessage message = parse(raw);
		InternetAddress sender = firstAddress(message.getFrom());
		String from = sender == null ? null : sender.getAddress();
		String fromName = sender == null ? null : decoded(sender.getPersonal());
		walk(message, 0);
		String body = plain != null ? plain : html != null ? htmlToText(html) : "";
		QuotedText.Parts parts = QuotedText.split(body);
		return new InboundMessage(messageIdOf(message, raw), from, fromName,
				addresses(message.getRecipients(jakarta.mail.Message.RecipientType.TO)),
				addresses(message.getRecipients(jakarta.mail.Message.RecipientType.CC)),
				message.getSubject() == null ? "" : Headers.oneLine(message.getSubject()),
				first(message, "In-Reply-To"), ids(first(message, "References")), parts.text(), parts.signature(),
				parts.quoted(), List.copyOf(files), loopSignal(message, from), List.copyOf(notes));
	}

	private void walk(Part part, int depth) throws MessagingException, IOException {
		if (++parts > MAX_PARTS) {
			if (parts == MAX_PARTS + 1) {
				notes.add("More than " + MAX_PARTS + " MIME parts; the rest was not read");
			}
			return;
		}
		if (depth > MAX_DEPTH) {
			notes.add("MIME parts nested deeper than " + MAX_DEPTH + " were not read");
			return;
		}
		if (part.isMimeType("multipart/*")) {
			Object content = part.getContent();
			if (content instanceof Multipart multipart) {
				for (int i = 0; i < multipart.getCount() && parts <= MAX_PARTS; i++) {
					BodyPart child = multipart.getBodyPart(i);
					walk(child, depth + 1);
				}
			}
			return;
		}
		if (part.isMimeType("message/rfc822")) {
			// A forwarded mail: its text belongs to the request, read like any part.
			Object content = part.getContent();
			if (content instanceof Part inner) {
				walk(inner, depth + 1);
			}
			return;
		}
		String filename = filename(part);
		boolean attachment = filename != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
		if (!attachment && part.isMimeType("text/plain") && plain == null) {
			plain = text(part);
			return;
		}
		if (!attachment && part.isMimeType("text/html") && html == null) {
			html = text(part);
			return;
		}
		byte[] content = bytes(part);
		if (content == null) {
			notes.add("A file larger than 10 MB was not kept");
			return;
		}
		String name = filename == null ? "attachment" : filename;
		String type = baseType(part.getContentType());
		boolean image = Images.isImage(content);
		if (image || type.startsWith("text/") || textFile(name)) {
			files.add(new InboundMessage.File(name, image ? Images.contentType(content) : type, content, image));
		}
		else {
			notes.add("The file " + Headers.oneLine(name) + " (" + type + ") was not kept: only images and text files are");
		}
	}

	private static String text(Part part) throws MessagingException, IOException {
		try {
			Object content = part.getContent();
			if (content instanceof String text) {
				return text;
			}
		}
		catch (UnsupportedEncodingException ex) {
			// An unknown charset: read it as UTF-8 rather than lose it.
		}
		byte[] bytes = bytes(part);
		return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
	}

	private static byte[] bytes(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			int total = 0;
			for (int n; (n = in.read(buffer)) > 0;) {
				total += n;
				if (total > MAX_FILE) {
					return null;
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
	}

	/**
	 * HTML as the text a person reads: scripts and styles gone, quoted history (Gmail's and Apple
	 * Mail's blockquotes) gone, line breaks where blocks end.
	 */
	static String htmlToText(String html) {
		Document document = Jsoup.parse(html);
		document.select("script, style, head, blockquote, .gmail_quote, #divRplyFwdMsg, #appendonsend").remove();
		document.outputSettings(new Document.OutputSettings().prettyPrint(false));
		document.select("br").before("\\n");
		document.select("p, div, tr, li, h1, h2, h3, h4, pre, table").before("\\n");
		String marked = document.body() == null ? "" : document.body().html().replace("\\n", "\n");
		String text = Jsoup.clean(marked, "", Safelist.none(), new Document.OutputSettings().prettyPrint(false));
		return Parser.unescapeEntities(text, false).strip();
	}

	private String loopSignal(MimeMessage message, String from) throws MessagingException {
		String autoSubmitted = first(message, "Auto-Submitted");
		if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return "Auto-Submitted: " + autoSubmitted.strip();
		}
		String precedence = first(message, "Precedence");
		if (precedence != null) {
			String value = precedence.strip().toLowerCase(Locale.ROOT);
			if (value.equals("bulk") || value.equals("junk") || value.equals("list")) {
				return "Precedence: " + value;
			}
		}
		if (first(message, "X-Loop") != null) {
			return "X-Loop: " + first(message, "X-Loop").strip();
		}
		if (first(message, "List-Id") != null) {
			return "List-Id: mailing-list traffic";
		}
		if (first(message, "X-Autoreply") != null || first(message, "X-Autorespond") != null) {
			return "An auto-responder header (X-Autoreply/X-Autorespond)";
		}
		String returnPath = first(message, "Return-Path");
		if (returnPath != null && returnPath.replace(" ", "").equals("<>")) {
			return "A bounce (null sender)";
		}
		if (message.isMimeType("multipart/report")) {
			return "A delivery or read report (multipart/report)";
		}
		if (from == null) {
			return "No sender address";
		}
		String local = from.substring(0, Math.max(0, from.indexOf('@'))).toLowerCase(Locale.ROOT);
		if (local.equals("mailer-daemon") || local.equals("postmaster")) {
			return "A bounce from " + local;
		}
		if (from.equalsIgnoreCase(supportAddress)) {
			return "Mail from our own support address";
		}
		return null;
	}

	private static String first(MimeMessage message, String name) throws MessagingException {
		String[] values = message.getHeader(name);
		return values == null || values.length == 0 ? null : Headers.oneLine(values[0]);
	}

	private static List<String> ids(String references) {
		List<String> ids = new ArrayList<>();
		if (references == null) {
			return ids;
		}
		int start = references.indexOf('<');
		while (start >= 0 && ids.size() < 100) {
			int end = references.indexOf('>', start);
			if (end < 0) {
				break;
			}
			ids.add(references.substring(start, end + 1));
			start = references.indexOf('<', end);
		}
		return ids;
	}

	private static InternetAddress firstAddress(Address[] addresses) {
		if (addresses == null) {
			return null;
		}
		for (Address address : addresses) {
			if (address instanceof InternetAddress internet && internet.getAddress() != null
					&& internet.getAddress().indexOf('@') > 0) {
				return internet;
			}
		}
		return null;
	}

	private static List<String> addresses(Address[] addresses) {
		List<String> plain = new ArrayList<>();
		if (addresses == null) {
			return plain;
		}
		for (Address address : addresses) {
			if (address instanceof InternetAddress internet && internet.getAddress() != null) {
				try {
					internet.validate();
					plain.add(internet.getAddress());
				}
				catch (AddressException ex) {
					// An address no one can write to is no participant.
				}
			}
		}
		return plain;
	}

	private static String filename(Part part) {
		try {
			String name = part.getFileName();
			if (name == null) {
				return null;
			}
			String decoded = decoded(name);
			int slash = Math.max(decoded.lastIndexOf('/'), decoded.lastIndexOf('\\'));
			String base = Headers.oneLine(decoded.substring(slash + 1));
			return base.isBlank() ? "attachment" : base.length() > 200 ? base.substring(0, 200) : base;
		}
		catch (MessagingException ex) {
			return "attachment";
		}
	}

	private static String decoded(String value) {
		if (value == null) {
			return null;
		}
		try {
			return MimeUtility.decodeText(value);
		}
		catch (UnsupportedEncodingException ex) {
			return value;
		}
	}

	private static String baseType(String contentType) {
		try {
			return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (Exception ex) {
			return "application/octet-stream";
		}
	}

	private static boolean textFile(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.endsWith(".har") || lower.endsWith(".txt") || lower.endsWith(".log") || lower.endsWith(".json");
	}

}
