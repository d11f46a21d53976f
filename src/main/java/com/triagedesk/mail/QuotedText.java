package com.triagedesk.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a reply into what the sender wrote now, their signature, and the quoted history below it
 * (which is already in the thread). Line by line, in linear time, for the shapes mail clients
 * write: "On … wrote:" (Gmail, Apple Mail), "Den … skrev:" (Norwegian), Outlook's "From:/Sent:"
 * header block and "-----Original Message-----", and "&gt;" quotes.
 */
final class QuotedText {

	/**
	 * @param text what was written now, without quotes and signature
	 * @param signature the lines after "-- " or a "Sent from my phone" line, for contact details
	 * @param quoted whether any history was cut
	 */
	record Parts(String text, String signature, boolean quoted) {
	}

	private static final List<String> OUTLOOK_SEPARATORS = List.of("-----original message-----",
			"-----opprinnelig melding-----", "-----oprindelig meddelelse-----", "-----alkuperäinen viesti-----",
			"________________________________");

	private static final List<String> HEADER_FROM = List.of("from:", "fra:", "lähettäjä:", "von:");

	private static final List<String> HEADER_SENT = List.of("sent:", "sendt:", "date:", "dato:", "lähetetty:",
			"gesendet:");

	private static final List<String> MOBILE_SIGNATURES = List.of("sent from my ", "sendt fra min ", "sendt fra ",
			"get outlook for ", "hent outlook for ");

	private QuotedText() {
	}

	/**
	 * The whole text with only the signature set apart: for new requests, whose "quotes" are the
	 * request (a forwarded mail, {@code >} lines of curl -v).
	 */
	static Parts signatureOnly(String body) {
		List<String> lines = List.of(body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
		for (int i = lines.size() - 1; i >= 0; i--) {
			if (lines.get(i).equals("-- ")) {
				return new Parts(String.join("\n", lines.subList(0, i)).strip(),
						String.join("\n", lines.subList(i, lines.size())).strip(), false);
			}
		}
		return new Parts(body.strip(), "", false);
	}

	static Parts split(String body) {
		String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		int end = lines.length;
		boolean quoted = false;
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip().toLowerCase(Locale.ROOT);
			if (startsHistory(lines, i, line)) {
				end = i;
				quoted = true;
				break;
			}
		}
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < end; i++) {
			if (lines[i].stripLeading().startsWith(">")) {
				quoted = true;
				continue;
			}
			kept.add(lines[i]);
		}
		int signatureAt = -1;
		for (int i = 0; i < kept.size(); i++) {
			String line = kept.get(i);
			String lower = line.strip().toLowerCase(Locale.ROOT);
			if (line.equals("-- ") || line.equals("--") || MOBILE_SIGNATURES.stream().anyMatch(lower::startsWith)) {
				signatureAt = i;
				break;
			}
		}
		String text = String.join("\n", signatureAt < 0 ? kept : kept.subList(0, signatureAt)).strip();
		String signature = signatureAt < 0 ? "" : String.join("\n", kept.subList(signatureAt, kept.size())).strip();
		return new Parts(text, signature, quoted);
	}

	private static boolean attribution(String line) {
		return line.endsWith(":") && (line.contains(" wrote") || line.contains(" skrev") || line.contains(" kirjoitti")
				|| line.contains(" schrieb"));
	}

	private static boolean startsHistory(String[] lines, int i, String line) {
		if (OUTLOOK_SEPARATORS.stream().anyMatch(line::startsWith)) {
			return true;
		}
		// "On Mon, 1 Dec 2026 at 10:00, Kari <kari@shop.no> wrote:" — sometimes wrapped onto two lines.
		String joined = i + 1 < lines.length ? line + " " + lines[i + 1].strip().toLowerCase(Locale.ROOT) : line;
		// "Den tir. 1. des. 2026 kl. 10:20 skrev Support <support@…>:" — the verb, then who, then a colon.
		if ((line.startsWith("on ") || line.startsWith("den ") || line.startsWith("am ")) && line.length() < 300
				&& (attribution(line) || attribution(joined))) {
			return true;
		}
		if (line.length() < 300 && (line.endsWith(" skrev:") || line.endsWith(" wrote:") || line.endsWith(" kirjoitti:")
				|| line.endsWith(" schrieb:") || (line.indexOf('@') > 0 && attribution(line)))) {
			return true;
		}
		// Outlook without a separator line: a "From:" header followed closely by "Sent:".
		if (HEADER_FROM.stream().anyMatch(line::startsWith)) {
			for (int j = i + 1; j < Math.min(lines.length, i + 5); j++) {
				String next = lines[j].strip().toLowerCase(Locale.ROOT);
				if (HEADER_SENT.stream().anyMatch(next::startsWith)) {
					return true;
				}
			}
		}
		return false;
	}

}
