package com.triagedesk.checklist;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The identifiers that let support find a payment: orderIds (references), transactionIds,
 * contextIds, agreement and charge ids, trace ids.
 */
record References(List<String> orderIds, String orderSource, List<String> transactionIds, List<String> contextIds,
		List<String> agreementIds, String agreementSource, List<String> traceIds) {

	private static final int MAX = 20;

	static References find(ChecklistInput input, Texts texts, Exchanges exchanges, String msn) {
		Set<String> orderIds = new LinkedHashSet<>();
		String orderSource = null;
		if (input.orderId() != null && !input.orderId().isBlank()) {
			orderIds.add(input.orderId().strip());
			orderSource = "orderId";
		}
		for (HttpRequestInfo request : exchanges.requests()) {
			for (String[] m : TextPatterns.all(TextPatterns.ORDER_IN_PATH, request.path())) {
				if (!ChecklistEvaluator.isActionSegment(m[1]) && orderIds.add(m[1]) && orderSource == null) {
					orderSource = request.location() + " (path)";
				}
			}
			if (request.body() != null) {
				for (String[] m : TextPatterns.all(TextPatterns.REFERENCE_IN_JSON, request.body())) {
					if (orderIds.add(m[1]) && orderSource == null) {
						orderSource = request.location() + " (body)";
					}
				}
			}
		}
		for (Texts.Named text : texts.prose()) {
			for (String[] m : concat(TextPatterns.all(TextPatterns.ORDER_ID, text.text()),
					TextPatterns.all(TextPatterns.ORDER_LOOSE, text.text()))) {
				String candidate = m[1];
				if (looksLikeReference(candidate, msn) && orderIds.add(candidate) && orderSource == null) {
					orderSource = text.location() + " (text)";
				}
			}
		}

		Set<String> transactionIds = new LinkedHashSet<>();
		if (input.transactionId() != null && !input.transactionId().isBlank()) {
			transactionIds.add(input.transactionId().strip());
		}
		Set<String> contextIds = new LinkedHashSet<>();
		if (input.contextId() != null && !input.contextId().isBlank()) {
			contextIds.add(input.contextId().strip());
		}
		Set<String> agreementIds = new LinkedHashSet<>();
		String agreementSource = null;
		Set<String> traceIds = new LinkedHashSet<>();
		for (Texts.Named text : texts.all()) {
			TextPatterns.all(TextPatterns.TRANSACTION_ID, text.text()).forEach(m -> transactionIds.add(m[1]));
			TextPatterns.all(TextPatterns.TRANSACTION_IN_JSON, text.text()).forEach(m -> transactionIds.add(m[1]));
			TextPatterns.all(TextPatterns.CONTEXT_ID, text.text()).forEach(m -> contextIds.add(m[1]));
			TextPatterns.all(TextPatterns.CONTEXT_IN_JSON, text.text()).forEach(m -> contextIds.add(m[1]));
			for (String[] m : TextPatterns.all(TextPatterns.AGREEMENT_ID, text.text())) {
				if (agreementIds.add(m[1]) && agreementSource == null) {
					agreementSource = text.location() + " (text)";
				}
			}
			TextPatterns.all(TextPatterns.TRACE_ID, text.text()).forEach(m -> traceIds.add(m[1]));
		}
		return new References(first(orderIds), orderSource, first(transactionIds), first(contextIds),
				first(agreementIds), agreementSource, first(traceIds));
	}

	/**
	 * Real references carry a digit; "reference and" in a sentence does not.
	 */
	private static boolean looksLikeReference(String candidate, String msn) {
		return candidate.chars().anyMatch(Character::isDigit) && !candidate.equals(msn)
				&& !(ChecklistEvaluator.isDigits(candidate) && candidate.length() < 5) && !candidate.startsWith("agr_")
				&& !candidate.startsWith("chr_");
	}

	private static List<String[]> concat(List<String[]> a, List<String[]> b) {
		a.addAll(b);
		return a;
	}

	private static List<String> first(Set<String> values) {
		return values.stream().limit(MAX).toList();
	}

}
