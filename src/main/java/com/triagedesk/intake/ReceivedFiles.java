package com.triagedesk.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.multipart.MultipartFile;

import com.triagedesk.checklist.ChecklistInput;
import com.triagedesk.issues.NewAttachment;
import com.triagedesk.secrets.RedactedText;
import com.triagedesk.secrets.Redaction;
import com.triagedesk.secrets.SecretRedactor;

/**
 * The files of a multipart request: screenshots are recognised by their content, not their name;
 * text files (HAR, logs, JSON) must be UTF-8 and are redacted like every other text. Anything
 * else is refused, because a secret inside it could not be cut.
 */
final class ReceivedFiles {

	static final int MAX_FILES = 10;

	static final URI INVALID_ATTACHMENT = URI.create("urn:triage-desk:problem:invalid-attachment");

	static final URI UNSUPPORTED_ATTACHMENT = URI.create("urn:triage-desk:problem:unsupported-attachment");

	private static final Set<String> TEXT_EXTENSIONS = Set.of("har", "txt", "log", "json", "xml", "csv", "yaml",
			"yml", "md", "http");

	record File(NewAttachment attachment, ChecklistInput.Attachment forChecklist) {
	}

	private ReceivedFiles() {
	}

	static List<File> read(List<MultipartFile> files, SecretRedactor redactor, List<Redaction> redactions) {
		List<File> read = new ArrayList<>();
		if (files == null) {
			return read;
		}
		List<MultipartFile> present = files.stream().filter(f -> f != null && !f.isEmpty()).toList();
		if (present.size() > MAX_FILES) {
			throw rejected(HttpStatus.BAD_REQUEST, INVALID_ATTACHMENT, "Too many files",
					"Attach at most " + MAX_FILES + " files to one request.");
		}
		for (MultipartFile file : present) {
			read.add(read(file, redactor, redactions));
		}
		return read;
	}

	private static File read(MultipartFile file, SecretRedactor redactor, List<Redaction> redactions) {
		String filename = safeName(file.getOriginalFilename());
		byte[] bytes = bytes(file);
		String declared = file.getContentType() == null ? "" : file.getContentType().toLowerCase(Locale.ROOT);
		// A file named or declared as text is read as text even if it starts like an image: its
		// secrets must be cut.
		String image = isText(filename, declared) ? null : imageType(bytes);
		if (image != null) {
			return new File(new NewAttachment(filename, image, NewAttachment.Kind.IMAGE, bytes),
					new ChecklistInput.Attachment(filename, image, bytes.length, null));
		}
		if (declared.startsWith("image/")) {
			throw rejected(HttpStatus.BAD_REQUEST, INVALID_ATTACHMENT, "Attachment does not match its type",
					"'" + filename + "' is declared as " + declared + " but is not a PNG, JPEG, GIF or WebP image.");
		}
		if (isText(filename, declared)) {
			String text = utf8(bytes, filename);
			RedactedText redacted = redactor.redact("attachment " + filename, text);
			redactions.addAll(redacted.redactions());
			String type = filename.toLowerCase(Locale.ROOT).endsWith(".har") || declared.contains("json")
					? "application/json" : "text/plain; charset=utf-8";
			byte[] stored = redacted.text().getBytes(StandardCharsets.UTF_8);
			return new File(new NewAttachment(filename, type, NewAttachment.Kind.TEXT, stored),
					new ChecklistInput.Attachment(filename, type, stored.length, redacted.text()));
		}
		throw rejected(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED_ATTACHMENT, "Unsupported attachment",
				"'" + filename + "' cannot be attached: send screenshots as PNG, JPEG, GIF or WebP, and HAR files, "
						+ "logs and other text as UTF-8 text files.");
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isText(String filename, String declared) {
		int dot = filename.lastIndexOf('.');
		String extension = dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
		return TEXT_EXTENSIONS.contains(extension) || declared.startsWith("text/") || declared.contains("json")
				|| declared.contains("har");
	}

	private static String utf8(byte[] bytes, String filename) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString()
				.replace("\u0000", "");
		}
		catch (CharacterCodingException ex) {
			throw rejected(HttpStatus.BAD_REQUEST, INVALID_ATTACHMENT, "Attachment is not UTF-8 text",
					"'" + filename + "' is not UTF-8 text.");
		}
	}

	/** PNG, JPEG, GIF and WebP by their first bytes. */
	static String imageType(byte[] b) {
		if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
			return "image/png";
		}
		if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
			return "image/jpeg";
		}
		if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
			return "image/gif";
		}
		if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
				&& b[10] == 'B' && b[11] == 'P') {
			return "image/webp";
		}
		return null;
	}

	/**
	 * Only the last part of a path, without control characters: a name to show, never a path to use.
	 */
	static String safeName(String original) {
		if (original == null || original.isBlank()) {
			return "attachment";
		}
		String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
		StringBuilder clean = new StringBuilder();
		name.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT)
			.forEach(clean::appendCodePoint);
		String result = clean.toString().strip();
		if (result.isEmpty() || result.equals(".") || result.equals("..")) {
			return "attachment";
		}
		return result.length() > 200 ? result.substring(result.length() - 200) : result;
	}

	private static ErrorResponseException rejected(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return new ErrorResponseException(status, problem, null);
	}

}
