package com.triagedesk.issues;

/**
 * E-mail addresses people can receive mail at: something, one {@code @}, a domain with a dot, no
 * spaces, control or invisible (format) characters, at most 254 characters. Checked by hand, in linear time.
 */
final class Addresses {

	private Addresses() {
	}

	static boolean plausible(String address) {
		if (address == null) {
			return false;
		}
		String a = address.strip();
		if (a.isEmpty() || a.length() > 254) {
			return false;
		}
		int at = a.indexOf('@');
		if (at <= 0 || at != a.lastIndexOf('@') || at == a.length() - 1) {
			return false;
		}
		for (int i = 0; i < a.length(); i++) {
			char c = a.charAt(i);
			if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
					|| c == '<' || c == '>' || c == ',' || c == ';') {
				return false;
			}
		}
		String domain = a.substring(at + 1);
		int dot = domain.indexOf('.');
		return dot > 0 && dot < domain.length() - 1 && !domain.endsWith(".");
	}

}
