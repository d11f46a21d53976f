package com.triagedesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the JMH benchmarks of {@code src/jmh/java} ({@code ./mvnw -Pjmh verify}) and writes JMH's
 * JSON ({@code results.json}) and a summary with the targets of the performance issue
 * ({@code summary.txt}) to the directory given first. Further arguments are JMH's own, e.g. a
 * benchmark name pattern or {@code -f 1 -wi 1 -i 1} for a quick look.
 */
public final class Benchmarks {

	static final double CHECKLIST_PER_SECOND = 20_000;

	static final double EMAIL_MILLIS = 100;

	/** Four times the input may take at most this many times as long (linear is 4, quadratic 16). */
	static final double LINEAR_RATIO = 6;

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		Path directory = Path.of(args[0]);
		Files.createDirectories(directory);
		CommandLineOptions command = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
		Path json = directory.resolve("results.json");
		Collection<RunResult> results = new Runner(new OptionsBuilder().parent(command)
			.resultFormat(ResultFormatType.JSON)
			.result(json.toString())
			.build()).run();
		String summary = summary(results);
		Files.writeString(directory.resolve("summary.txt"), summary);
		System.out.println();
		System.out.print(summary);
		System.out.println("JMH results: " + json + ", summary: " + directory.resolve("summary.txt"));
	}

	static String summary(Collection<RunResult> results) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "JMH summary (%s, %d cores seen, one benchmark thread)%n",
				Runtime.version(), Runtime.getRuntime().availableProcessors()));
		out.append(String.format(Locale.ROOT, "%-70s %14s %10s  %s%n", "benchmark [params]", "score", "± error",
				"unit"));
		Map<String, Double> scores = new LinkedHashMap<>();
		for (RunResult result : results) {
			String name = name(result);
			double score = result.getPrimaryResult().getScore();
			scores.put(name, score);
			out.append(String.format(Locale.ROOT, "%-70s %14.3f %10.3f  %s%n", name, score,
					result.getPrimaryResult().getScoreError(), result.getPrimaryResult().getScoreUnit()));
		}
		out.append(String.format("%nTargets%n"));
		List<String> verdicts = new ArrayList<>();
		score(scores, "IntakeBenchmark.evaluate", "sample=complete-epayment-400").ifPresent(s -> verdicts.add(verdict(
				s >= CHECKLIST_PER_SECOND,
				"checklist of a typical request (complete-epayment-400), one thread: %.0f/s (target >= %.0f/s)", s,
				CHECKLIST_PER_SECOND)));
		score(scores, "MailBenchmark.oneMegabyteEmail", "").ifPresent(s -> verdicts.add(verdict(s < EMAIL_MILLIS,
				"1 MB e-mail parsed, redacted, evaluated and routed: %.1f ms (target < %.0f ms)", s, EMAIL_MILLIS)));
		score(scores, "LargeInputBenchmark.redactAndEvaluate", "input=email,size=1048576")
			.ifPresent(s -> verdicts.add(verdict(s < EMAIL_MILLIS,
					"1 MB e-mail text redacted and evaluated: %.1f ms (target < %.0f ms)", s, EMAIL_MILLIS)));
		Map<String, TreeMap<Integer, Double>> sweeps = new TreeMap<>();
		scores.forEach((name, score) -> {
			if (name.startsWith("LargeInputBenchmark.redactAndEvaluate")) {
				String input = param(name, "input");
				sweeps.computeIfAbsent(input, k -> new TreeMap<>()).put(Integer.parseInt(param(name, "size")), score);
			}
		});
		sweeps.forEach((input, bySize) -> {
			StringBuilder line = new StringBuilder();
			boolean linear = true;
			Map.Entry<Integer, Double> previous = null;
			for (Map.Entry<Integer, Double> entry : bySize.entrySet()) {
				line.append(String.format(Locale.ROOT, " %s %.2f ms (%.1f ms/MB)", size(entry.getKey()),
						entry.getValue(), entry.getValue() / (entry.getKey() / 1048576.0)));
				if (previous != null && entry.getKey() >= 262144) {
					double ratio = entry.getValue() / previous.getValue();
					double growth = (double) entry.getKey() / previous.getKey();
					linear &= ratio <= LINEAR_RATIO * growth / 4;
					line.append(String.format(Locale.ROOT, " x%.1f", ratio));
				}
				previous = entry;
			}
			verdicts.add(verdict(linear, "size sweep %s grows linearly (x4 size -> at most x%.0f time):%s", input,
					LINEAR_RATIO, line));
		});
		verdicts.forEach(v -> out.append(v).append(System.lineSeparator()));
		return out.toString();
	}

	private static String name(RunResult result) {
		String benchmark = result.getParams().getBenchmark();
		String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
		List<String> params = new ArrayList<>();
		for (String key : result.getParams().getParamsKeys()) {
			params.add(key + "=" + result.getParams().getParam(key));
		}
		return params.isEmpty() ? shortName : shortName + " [" + String.join(",", params) + "]";
	}

	private static Optional<Double> score(Map<String, Double> scores, String benchmark, String params) {
		return Optional.ofNullable(scores.get(params.isEmpty() ? benchmark : benchmark + " [" + params + "]"));
	}

	private static String param(String name, String key) {
		for (String pair : name.substring(name.indexOf('[') + 1, name.indexOf(']')).split(",")) {
			if (pair.startsWith(key + "=")) {
				return pair.substring(key.length() + 1);
			}
		}
		throw new IllegalArgumentException(key + " not in " + name);
	}

	private static String size(int bytes) {
		return bytes >= 1048576 ? bytes / 1048576 + " MB" : bytes / 1024 + " KB";
	}

	private static String verdict(boolean met, String format, Object... args) {
		return (met ? "PASS  " : "MISS  ") + String.format(Locale.ROOT, format, args);
	}

}
