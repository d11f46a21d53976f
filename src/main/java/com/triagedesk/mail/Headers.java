package com.triagedesk.mail;

/**
 * Values on their way into a mail header. A CR or LF there would let a subject or a name add
 * headers (a Bcc to an attacker), so every control and line-separator character becomes a space
 * before a value gets near a header.
 */
final class Headers {

	static final int MAX_SUBJECT = 250;

	private Headers() {
	}

	static String oneLine(String value) {
		if (value == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(value.length());
		boolean space = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean separator = c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029';
			if (separator || c == ' ') {
				if (!space && !out.isEmpty()) {
					out.append(' ');
				}
				space = true;
			}
			else {
				out.append(c);
				space = false;
			}
		}
		return out.toString().strip();
	}

	static String subject(String value) {
		String line = oneLine(value);
		return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT - 1) + "…";
	}

}
