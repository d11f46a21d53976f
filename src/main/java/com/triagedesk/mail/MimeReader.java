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
import jakarta.mail.internet.MimeBodyPart;
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

	static final int MAX_HEADERS = 128 * 1024;

	static final int MAX_BOUNDARIES = 2000;

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
		Address[] fromHeader = addressHeader(message, "From");
		InternetAddress sender = firstAddress(fromHeader.length > 0 ? fromHeader : addressHeader(message, "Sender"));
		String from = sender == null ? null : sender.getAddress();
		// getPersonal() is already decoded; control characters (CR, LF, NUL) become spaces.
		String fromName = sender == null || sender.getPersonal() == null ? null : Headers.oneLine(sender.getPersonal());
		walk(message, 0);
		String body = clean(plain != null ? plain : html != null ? htmlToText(html) : "");
		QuotedText.Parts parts = QuotedText.split(body);
		QuotedText.Parts whole = QuotedText.signatureOnly(body);
		return new InboundMessage(messageIdOf(message, raw), from, fromName,
				addresses(addressHeader(message, "To")), addresses(addressHeader(message, "Cc")),
				message.getSubject() == null ? "" : Headers.oneLine(message.getSubject()),
				first(message, "In-Reply-To"), ids(first(message, "References")), parts.text(), parts.signature(),
				parts.quoted(), whole.text(), List.copyOf(files), loopSignal(message, from), List.copyOf(notes));
	}

	/**
	 * Cheap checks on the raw bytes before any parsing: headers too large, or so many MIME
	 * boundaries that parsing alone would be the attack. Null when the mail may be parsed.
	 */
	static String tooComplex(byte[] raw) {
		int headerEnd = -1;
		for (int i = 0; i + 1 < raw.length; i++) {
			if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
				headerEnd = i;
				break;
			}
		}
		if ((headerEnd < 0 ? raw.length : headerEnd) > MAX_HEADERS) {
			return "The mail's headers are larger than " + MAX_HEADERS / 1024 + " KB";
		}
		int boundaries = 0;
		for (int i = 0; i + 2 < raw.length; i++) {
			if (raw[i] == '\n' && raw[i + 1] == '-' && raw[i + 2] == '-' && ++boundaries > MAX_BOUNDARIES) {
				return "The mail has more than " + MAX_BOUNDARIES + " MIME boundaries";
			}
		}
		return null;
	}

	/**
	 * Text a person wrote: no NUL or other control characters (PostgreSQL cannot store NUL), tab
	 * and line breaks kept.
	 */
	static String clean(String text) {
		StringBuilder out = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t';
			if (control && out == null) {
				out = new StringBuilder(text.length()).append(text, 0, i);
			}
			if (out != null && !control) {
				out.append(c);
			}
		}
		return out == null ? text : out.toString();
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
		if (image) {
			files.add(new InboundMessage.File(name, Images.contentType(content), content, true));
		}
		else if (type.startsWith("text/") || textFile(name)) {
			// Stored as UTF-8 whatever it came in, so redaction reads what the sender wrote.
			String text = clean(decodeText(content, charsetOf(part.getContentType())));
			files.add(new InboundMessage.File(name, type, text.getBytes(StandardCharsets.UTF_8), false));
		}
		else {
			notes.add("The file " + Headers.oneLine(name) + " (" + type + ") was not kept: only images and text files are");
		}
	}

	private String text(Part part) throws MessagingException, IOException {
		try {
			Object content = part.getContent();
			if (content instanceof String text) {
				return text;
			}
		}
		catch (IOException | RuntimeException ex) {
			// An unknown charset or a transfer encoding that cannot be decoded: read it as UTF-8
			// below rather than lose it. Angus Mail throws a NullPointerException for a charset
			// parameter it cannot parse (found by MimeReaderFuzzTest).
		}
		byte[] bytes = bytes(part);
		return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
	}

	private byte[] bytes(Part part) throws MessagingException, IOException {
		try (InputStream in = part.getInputStream()) {
			return limited(in);
		}
		catch (IOException | MessagingException undecodable) {
			// An unknown Content-Transfer-Encoding or broken base64: the part as it was sent, so one
			// bad part does not cost the whole mail.
			InputStream raw = part instanceof MimeBodyPart body ? body.getRawInputStream()
					: part instanceof MimeMessage message ? message.getRawInputStream() : null;
			if (raw == null) {
				throw undecodable;
			}
			notes.add("A part whose transfer encoding could not be decoded was read as sent");
			try (raw) {
				return limited(raw);
			}
		}
	}

	/** The bytes, or null when there are more than {@value #MAX_FILE}. */
	private static byte[] limited(InputStream in) throws IOException {
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

	/**
	 * HTML as the text a person reads: scripts and styles gone, quoted history (Gmail's and Apple
	 * Mail's blockquotes) gone, line breaks where blocks end.
	 */
	static String htmlToText(String html) {
		Document document = Jsoup.parse(html);
		document.select("script, style, head, blockquote, .gmail_quote, #divRplyFwdMsg, #appendonsend").remove();
		document.outputSettings(new Document.OutputSettings().prettyPrint(false));
		// A private-use character marks the line breaks: it cannot clash with anything a sender
		// wrote (a literal "\\n" in a pasted JSON body stays as it was).
		document.select("br").before(LINE_MARK);
		document.select("p, div, tr, li, h1, h2, h3, h4, pre, table").before(LINE_MARK);
		String text = Jsoup.clean(document.body() == null ? "" : document.body().html(), "", Safelist.none(),
				new Document.OutputSettings().prettyPrint(false));
		return Parser.unescapeEntities(text, false).replace(LINE_MARK, "\n").strip();
	}

	private static final String LINE_MARK = "\uE000";

	/**
	 * A text file's characters: by its byte-order mark, then its declared charset, then UTF-8 if it
	 * is valid UTF-8, else Windows-1252 (what mail clients send when they say nothing).
	 */
	static String decodeText(byte[] content, java.nio.charset.Charset declared) {
		if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
			return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
		}
		if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
			return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
		}
		if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF) {
			return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
		}
		if (declared != null) {
			return new String(content, declared);
		}
		if (looksUtf16Le(content)) {
			return new String(content, StandardCharsets.UTF_16LE);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(content))
				.toString();
		}
		catch (java.nio.charset.CharacterCodingException ex) {
			return new String(content, java.nio.charset.Charset.forName("windows-1252"));
		}
	}

	/** ASCII text saved as UTF-16 without a BOM: every second byte is zero. */
	private static boolean looksUtf16Le(byte[] content) {
		int pairs = Math.min(content.length / 2, 512);
		if (pairs < 4) {
			return false;
		}
		int zeros = 0;
		for (int i = 0; i < pairs; i++) {
			zeros += content[2 * i + 1] == 0 && content[2 * i] != 0 ? 1 : 0;
		}
		return zeros * 10 >= pairs * 9;
	}

	private static java.nio.charset.Charset charsetOf(String contentType) {
		try {
			String name = new ContentType(contentType).getParameter("charset");
			return name == null ? null : java.nio.charset.Charset.forName(MimeUtility.javaCharset(name.strip()));
		}
		catch (Exception ex) {
			return null;
		}
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
			if (address instanceof InternetAddress internet && usable(internet.getAddress())) {
				return internet;
			}
		}
		return null;
	}

	/**
	 * An address we could write to: one {@code @}, at most 254 characters, nothing invisible.
	 */
	private static boolean usable(String address) {
		if (address == null || address.length() > 254 || address.indexOf('@') <= 0) {
			return false;
		}
		for (int i = 0; i < address.length(); i++) {
			char c = address.charAt(i);
			if (c <= 0x20 || c == 0x7f || Character.isISOControl(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The addresses in a header, read leniently: one malformed address (a bare {@code <<>>}, a
	 * display name with a colon) must not make the whole mail unreadable, so a header that does not
	 * parse as a whole is read address by address and what still does not parse is left out.
	 */
	private static Address[] addressHeader(MimeMessage message, String name) throws MessagingException {
		String header = message.getHeader(name, ",");
		if (header == null || header.isBlank()) {
			return new Address[0];
		}
		try {
			return InternetAddress.parseHeader(header, false);
		}
		catch (AddressException whole) {
			List<Address> parsed = new ArrayList<>();
			for (String piece : header.split(",")) {
				try {
					parsed.addAll(List.of(InternetAddress.parseHeader(piece, false)));
				}
				catch (AddressException unreadable) {
					// Nobody can be written to at this one.
				}
			}
			return parsed.toArray(Address[]::new);
		}
	}

	private static List<String> addresses(Address[] addresses) {
		List<String> plain = new ArrayList<>();
		if (addresses == null) {
			return plain;
		}
		for (Address address : addresses) {
			if (address instanceof InternetAddress internet && usable(internet.getAddress())) {
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
