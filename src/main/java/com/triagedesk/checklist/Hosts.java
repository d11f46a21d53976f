package com.triagedesk.checklist;

import java.util.Locale;
import java.util.Optional;

/**
 * Which environment an API or callback host belongs to.
 */
final class Hosts {

	private Hosts() {
	}

	static Optional<Environment> environment(String host) {
		if (host == null) {
			return Optional.empty();
		}
		String h = host.strip().toLowerCase(Locale.ROOT);
		if (h.equals("apitest.vipps.no") || h.equals("api.sandbox.mobilepay.dk")
				|| (h.startsWith("callback-mt") && h.endsWith(".vipps.no"))) {
			return Optional.of(Environment.TEST);
		}
		if (h.equals("api.vipps.no") || h.equals("api.mobilepay.dk")
				|| (h.startsWith("callback-") && h.endsWith(".vipps.no"))) {
			return Optional.of(Environment.PRODUCTION);
		}
		return Optional.empty();
	}

}
