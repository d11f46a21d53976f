package com.triagedesk.checklist;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every HTTP request and response in a request's fields, free text and attachments, with where
 * each stands in its text so the prose around them can be read on its own.
 */
final class Exchanges {

	private final List<HttpRequestInfo> requests;

	private final List<HttpResponseInfo> responses;

	private final Map<String, List<int[]>> spans;

	private Optional<String> sourceCodeLanguage;

	private Exchanges(List<HttpRequestInfo> requests, List<HttpResponseInfo> responses, Map<String, List<int[]>> spans) {
		this.requests = requests;
		this.responses = responses;
		this.spans = spans;
	}

	static Exchanges find(Texts texts) {
		List<HttpRequestInfo> requests = new ArrayList<>();
		List<HttpResponseInfo> responses = new ArrayList<>();
		Map<String, List<int[]>> spans = new HashMap<>();
		Map<String, String> full = texts.full();
		scan(full.get("httpExchange.request"), "httpExchange.request", requests, responses, spans);
		int responsesBefore = responses.size();
		scan(full.get("httpExchange.response"), "httpExchange.response", requests, responses, spans);
		String response = texts.httpResponse();
		if (responses.size() == responsesBefore && response != null && !response.isBlank()) {
			// A response pasted without its status line still counts; the status may be in the body.
			List<String[]> status = TextPatterns.all(TextPatterns.STATUS_IN_JSON, response);
			responses.add(new HttpResponseInfo(status.isEmpty() ? 0 : Integer.parseInt(status.get(0)[1]), null,
					Map.of(), response.strip(), "text", "httpExchange.response", 0, response.length()));
		}
		scan(full.get("description"), "description", requests, responses, spans);
		scan(full.get("additionalInfo"), "additionalInfo", requests, responses, spans);
		for (Texts.Named attachment : texts.attachments()) {
			scan(full.get(attachment.location()), attachment.location(), requests, responses, spans);
		}
		return new Exchanges(List.copyOf(requests), List.copyOf(responses), spans);
	}

	private static void scan(String text, String location, List<HttpRequestInfo> requests,
			List<HttpResponseInfo> responses, Map<String, List<int[]>> spans) {
		if (text == null || text.isBlank()) {
			return;
		}
		HttpMessages.Found found = HttpMessages.scan(text, location);
		requests.addAll(found.requests());
		responses.addAll(found.responses());
		List<int[]> here = new ArrayList<>();
		found.requests().forEach(r -> here.add(new int[] { r.start(), r.end() }));
		found.responses().forEach(r -> here.add(new int[] { r.start(), r.end() }));
		spans.put(location, here);
	}

	List<HttpRequestInfo> requests() {
		return requests;
	}

	HttpRequestInfo firstRequest() {
		return requests.isEmpty() ? null : requests.get(0);
	}

	HttpResponseInfo firstResponse() {
		return responses.isEmpty() ? null : responses.get(0);
	}

	/**
	 * The text from {@code location} (or its beginning) with the HTTP messages found in it blanked
	 * out: what the developer wrote in words.
	 */
	String proseOf(String location, String text) {
		if (text == null) {
			return "";
		}
		List<int[]> cut = spans.get(location);
		if (cut == null || cut.isEmpty()) {
			return text;
		}
		StringBuilder prose = new StringBuilder(text);
		for (int[] span : cut) {
			for (int i = Math.max(0, span[0]); i < Math.min(span[1], prose.length()); i++) {
				if (prose.charAt(i) != '\n') {
					prose.setCharAt(i, ' ');
				}
			}
		}
		return prose.toString();
	}

	Optional<String> apiHost() {
		HttpRequestInfo request = firstRequestWithHost();
		return request == null ? Optional.empty() : Optional.of(request.host());
	}

	HttpRequestInfo firstRequestWithHost() {
		return requests.stream().filter(r -> Hosts.environment(r.host()).isPresent()).findFirst().orElse(null);
	}

	String header(String name) {
		return requests.stream().map(r -> r.header(name)).filter(v -> v != null && !v.isBlank()).findFirst()
			.orElse(null);
	}

	List<String> errorCodes() {
		Set<String> codes = new LinkedHashSet<>();
		for (HttpResponseInfo response : responses) {
			if (response.body() != null) {
				for (String[] m : TextPatterns.all(TextPatterns.ERROR_CODE, response.body())) {
					for (int g = 1; g < m.length; g++) {
						if (m[g] != null) {
							codes.add(m[g]);
						}
					}
				}
			}
			if (codes.size() >= 10) {
				break;
			}
		}
		return List.copyOf(codes);
	}

	Optional<String> sourceCodeLanguage(Texts texts) {
		if (!requests.isEmpty()) {
			return Optional.empty();
		}
		if (sourceCodeLanguage == null) {
			sourceCodeLanguage = SourceCode.detect(texts.httpRequest())
				.or(() -> SourceCode.detect(proseOf("description", texts.description())))
				.or(() -> SourceCode.detect(texts.additionalInfo()));
		}
		return sourceCodeLanguage;
	}

	/**
	 * {@code POST /epayment/v1/payments gives HTTP 400}, with ids in the path replaced by names.
	 */
	String suggestedSubject() {
		HttpRequestInfo request = firstRequest();
		HttpResponseInfo response = firstResponse();
		if (request == null || response == null || response.status() == 0) {
			return null;
		}
		return request.method() + " " + normalized(request.path()) + " gives HTTP " + response.status();
	}

	static String normalized(String path) {
		String[] segments = path.split("/", -1);
		StringBuilder out = new StringBuilder();
		String previous = "";
		for (String segment : segments) {
			if (segment.isEmpty()) {
				continue;
			}
			String name = segment;
			if (ChecklistEvaluator.isUuid(segment)) {
				name = "{id}";
			}
			else if (segment.startsWith("agr_")) {
				name = "{agreementId}";
			}
			else if (segment.startsWith("chr_")) {
				name = "{chargeId}";
			}
			else if ((previous.equals("payments") || previous.equals("session"))
					&& !ChecklistEvaluator.isActionSegment(segment)) {
				name = "{reference}";
			}
			else if (segment.length() >= 5 && ChecklistEvaluator.isDigits(segment)) {
				name = "{id}";
			}
			out.append('/').append(name);
			previous = segment.toLowerCase(java.util.Locale.ROOT);
		}
		return out.isEmpty() ? "/" : out.toString();
	}

	Map<String, String> firstRequestHeaders() {
		HttpRequestInfo request = firstRequest();
		return request == null ? Map.of() : new LinkedHashMap<>(request.headers());
	}

}
