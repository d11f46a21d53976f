package com.triagedesk.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.triagedesk.Fuzzing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of inbound mail: any bytes are either refused as too complex, rejected
 * with the exceptions {@link MimeReader#read} declares ({@link MessagingException},
 * {@link IOException}: the mail is logged as unreadable) or read into a message whose texts
 * PostgreSQL can store (no NUL) and whose header values stay on one line; in linear time. Seeds:
 * the real-shaped mails of {@code src/test/resources/mail/corpus}.
 */
class MimeReaderFuzzTest {

	static final String SUPPORT = "support@triage.example";

	static Stream<byte[]> corpus() throws IOException, URISyntaxException {
		Path directory = Path.of(MimeReaderFuzzTest.class.getResource("/mail/corpus").toURI());
		try (Stream<Path> files = Files.list(directory)) {
			return files.sorted().map(MimeReaderFuzzTest::read).toList().stream();
		}
	}

	private static byte[] read(Path file) {
		try {
			return Files.readString(file).replace("{{RUN}}", "fuzz").getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@MethodSource("corpus")
	@DictionaryEntries({ "Content-Type: ", "multipart/mixed; boundary=", "multipart/alternative",
			"message/rfc822", "text/plain; charset=", "text/html", "Content-Transfer-Encoding: ", "base64",
			"quoted-printable", "Content-Disposition: attachment; filename=", "=?utf-8?B?", "=?iso-8859-1?Q?", "?=",
			"From: ", "Subject: ", "Message-ID: ", "In-Reply-To: ", "References: ", "Auto-Submitted: ", "--" })
	@FuzzTest
	void anyBytesAreReadAsMailOrRejected(byte[] raw) {
		Fuzzing.count(MimeReaderFuzzTest.class, "mimeReader");
		Fuzzing.inLinearTime("mimeReader", raw, MimeReaderFuzzTest::read);
	}

	private static void read(byte[] raw) {
		if (MimeReader.tooComplex(raw) != null) {
			return;
		}
		InboundMessage mail;
		try {
			mail = MimeReader.read(raw, SUPPORT);
		}
		catch (MessagingException | IOException ex) {
			return;
		}
		for (String line : oneLineValues(mail)) {
			assertThat(line).doesNotContain("\0", "\r", "\n");
		}
		for (String text : new String[] { mail.text(), mail.fullText(), mail.signature() }) {
			assertThat(text).isNotNull().doesNotContain("\0");
		}
		for (InboundMessage.File file : mail.files()) {
			assertThat(file.filename()).isNotBlank().doesNotContain("\0", "\r", "\n", "/");
			if (!file.image()) {
				assertThat(new String(file.content(), StandardCharsets.UTF_8)).doesNotContain("\0");
			}
		}
		Language.of(mail.subject(), mail.text());
	}

	private static List<String> oneLineValues(InboundMessage mail) {
		List<String> values = new ArrayList<>(List.of(mail.messageId(), mail.subject()));
		for (String value : new String[] { mail.from(), mail.fromName(), mail.inReplyTo(), mail.loopSignal() }) {
			if (value != null) {
				values.add(value);
			}
		}
		values.addAll(mail.to());
		values.addAll(mail.cc());
		values.addAll(mail.references());
		values.addAll(mail.notes());
		return values;
	}

}
