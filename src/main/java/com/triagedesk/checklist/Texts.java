package com.triagedesk.checklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The free texts of a request, each named by where it came from. HTTP messages are looked for in
 * the first megabyte of each text; facts (identifiers, dates, names) in the first 64 KB, where
 * every real support request has them. The bounds keep evaluation fast on hostile input.
 */
record Texts(String subject, String description, String additionalInfo, String httpRequest, String httpResponse,
		List<Named> attachments, Map<String, String> full) {

	static final int MAX_SCANNED_FOR_HTTP = 1_000_000;

	static final int MAX_SCANNED_FOR_FACTS = 64 * 1024;

	record Named(String location, String text) {
	}

	static Texts of(ChecklistInput input) {
		Map<String, String> full = new LinkedHashMap<>();
		put(full, "httpExchange.request", input.httpRequest());
		put(full, "httpExchange.response", input.httpResponse());
		put(full, "description", input.description());
		put(full, "additionalInfo", input.additionalInfo());
		List<Named> attachments = new ArrayList<>();
		for (ChecklistInput.Attachment attachment : input.attachments()) {
			if (attachment.text() != null && !attachment.text().isBlank()) {
				String location = "attachment " + attachment.filename();
				put(full, location, attachment.text());
				attachments.add(new Named(location, facts(attachment.text())));
			}
		}
		return new Texts(facts(input.subject()), facts(input.description()), facts(input.additionalInfo()),
				facts(input.httpRequest()), facts(input.httpResponse()), List.copyOf(attachments), full);
	}

	private static void put(Map<String, String> full, String location, String text) {
		if (text != null && !text.isBlank()) {
			// A HAR file is JSON: cut short it cannot be read at all, so it is kept whole (the request
			// size limit bounds it).
			boolean har = Har.looksLikeHar(text);
			full.put(location,
					text.length() > MAX_SCANNED_FOR_HTTP && !har ? text.substring(0, MAX_SCANNED_FOR_HTTP) : text);
		}
	}

	/**
	 * The texts people write in, where identifiers and dates are looked for.
	 */
	List<Named> prose() {
		List<Named> prose = new ArrayList<>();
		add(prose, "subject", subject);
		add(prose, "description", description);
		add(prose, "additionalInfo", additionalInfo);
		return prose;
	}

	/**
	 * Every text, including HTTP exchanges and text attachments.
	 */
	List<Named> all() {
		List<Named> all = prose();
		add(all, "httpExchange.request", httpRequest);
		add(all, "httpExchange.response", httpResponse);
		all.addAll(attachments);
		return all;
	}

	private static void add(List<Named> list, String location, String text) {
		if (text != null && !text.isBlank()) {
			list.add(new Named(location, text));
		}
	}

	static String facts(String text) {
		if (text == null) {
			return null;
		}
		return text.length() > MAX_SCANNED_FOR_FACTS ? text.substring(0, MAX_SCANNED_FOR_FACTS) : text;
	}

}
