package com.triagedesk.checklist;

import java.util.List;
import java.util.Optional;

import com.google.re2j.Pattern;

/**
 * Recognises source code pasted where an HTTP exchange belongs, and says which language it is.
 */
final class SourceCode {

	private record Language(String name, List<Pattern> signals, int needed) {
	}

	private static final List<Language> LANGUAGES = List.of(
			new Language("PHP", patterns("<\\?php", "\\$[a-z_]\\w*\\s*=", "curl_setopt\\s*\\(", "curl_init\\s*\\(",
					"->\\w+\\(", "json_encode\\s*\\(", "var_dump\\s*\\(", "\\becho\\s"), 2),
			new Language("JavaScript/TypeScript", patterns("\\bconst\\s+\\w+\\s*=", "\\blet\\s+\\w+\\s*=",
					"\\bawait\\s+(?:fetch|axios)", "\\brequire\\s*\\(['\"]", "\\bimport\\s+.+\\s+from\\s+['\"]",
					"=>\\s*[{(]", "\\bconsole\\.log\\s*\\(", "JSON\\.stringify\\s*\\(", "\\baxios\\.\\w+\\s*\\("), 2),
			new Language("Java", patterns("\\bpublic\\s+(?:static\\s+)?(?:class|void|[A-Z]\\w*)\\s",
					"\\bHttpClient\\.new", "\\bHttpRequest\\.newBuilder", "\\bnew\\s+[A-Z]\\w*\\s*\\(",
					"\\bimport\\s+java\\.", "\\bRestTemplate\\b", "\\bSystem\\.out\\.println"), 2),
			new Language("C#", patterns("\\busing\\s+System", "\\bnew\\s+HttpClient\\s*\\(", "\\bawait\\s+\\w+\\.\\w+Async\\s*\\(",
					"\\bvar\\s+\\w+\\s*=\\s*new\\b", "\\bnamespace\\s+\\w", "\\bpublic\\s+async\\s+Task"), 2),
			new Language("Python", patterns("^\\s*import\\s+requests\\b", "\\brequests\\.(?:get|post|put|patch|delete)\\s*\\(",
					"^\\s*def\\s+\\w+\\s*\\(", "^\\s*from\\s+\\w+(?:\\.\\w+)*\\s+import\\s", "\\bprint\\s*\\(",
					"\\bjson\\.dumps\\s*\\("), 2),
			new Language("Ruby", patterns("\\bNet::HTTP\\b", "^\\s*require\\s+['\"]", "\\bputs\\s", "\\bdo\\s*\\|\\w+\\|"),
					2),
			new Language("Go", patterns("^\\s*package\\s+main\\b", "\\bhttp\\.NewRequest\\s*\\(", "\\bfunc\\s+\\w+\\s*\\(",
					":=\\s"), 2));

	private static final int SAMPLE = 16 * 1024;

	private SourceCode() {
	}

	/**
	 * The language of the source code in the text, if it holds some.
	 */
	static Optional<String> detect(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		// Code pasted into a support request is a few kilobytes at most; this much tells the language.
		String sample = text.length() > SAMPLE ? text.substring(0, SAMPLE) : text;
		String best = null;
		int bestScore = 0;
		for (Language language : LANGUAGES) {
			int score = 0;
			for (Pattern signal : language.signals) {
				if (signal.matcher(sample).find()) {
					score++;
				}
			}
			if (score >= language.needed && score > bestScore) {
				best = language.name;
				bestScore = score;
			}
		}
		return Optional.ofNullable(best);
	}

	private static List<Pattern> patterns(String... regexes) {
		return java.util.Arrays.stream(regexes).map(r -> Pattern.compile("(?m)" + r)).toList();
	}

}
