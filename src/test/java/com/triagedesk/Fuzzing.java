package com.triagedesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * What the fuzz tests ({@code *FuzzTest}, Jazzer) share: the fuzzer's bytes read as a target and
 * its text or fields, the time bound every input must keep, and the executions of each target,
 * written to {@code target/fuzz-stats/<test>.tsv} when the fuzzing JVM ends.
 * <p>
 * Jazzer fuzzes one fuzz test per JVM, and each JVM costs seconds to start; so a fuzz test covers a
 * few related targets, and the first byte of each input chooses one. Coverage guidance works the
 * same: the fuzzer keeps the inputs that reach new code, whichever target they went to.
 * <p>
 * The time bound is on the CPU time of the fuzzing thread, not the wall clock: other builds on a
 * loaded machine, garbage collection and JIT compilation (other threads) do not count, so the
 * bound catches super-linear work without failing on a busy machine. A run over the bound is
 * measured again before it fails (the first run of a target loads, instruments and interprets its
 * classes). Every input is checked as it is; one in {@value #AMPLIFY_ONE_IN} (chosen by its content,
 * so the same input always is) is also repeated to {@value #AMPLIFIED} characters: work that grows
 * with the square of the length shows there, where linear work takes milliseconds.
 */
public final class Fuzzing {

	/** Field separator in inputs that fill several fields: ASCII's record separator. */
	public static final char SEPARATOR = '\u001e';

	static final int AMPLIFIED = 64 * 1024;

	static final int AMPLIFY_ONE_IN = 256;

	/** CPU time any input may take, whatever its length. */
	static final long BASE_NANOS = 2_000_000_000L;

	/**
	 * CPU time per character on top. Linear work takes under 1 µs a character uninstrumented
	 * (README, "Measured") and a few µs under the fuzzer's instrumentation; work quadratic in the
	 * length takes seconds more on an amplified input.
	 */
	static final long NANOS_PER_CHAR = 20_000L;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final Map<String, Stats> stats = new ConcurrentHashMap<>();

	private static volatile String test;

	private Fuzzing() {
	}

	/** Executions, amplified executions and the most CPU time one character took, of one target. */
	private static final class Stats {

		final LongAdder executions = new LongAdder();

		final LongAdder amplified = new LongAdder();

		volatile long maxNanosPerChar;

	}

	/**
	 * The target (of {@code targets}) that the first byte of {@code data} chooses, modulo their
	 * number; counted for the statistics of {@code testClass}. An input kept under {@code Inputs}
	 * names its target by a first byte below that number, so adding a target keeps its meaning.
	 */
	public static String target(Class<?> testClass, byte[] data, String... targets) {
		String chosen = targets[data.length == 0 ? 0 : (data[0] & 0xff) % targets.length];
		count(testClass, chosen);
		return chosen;
	}

	/** Counts one execution of {@code target}, a target of {@code testClass}. */
	public static void count(Class<?> testClass, String target) {
		if (test == null) {
			start(testClass.getSimpleName());
		}
		stats(target).executions.increment();
	}

	private static Stats stats(String target) {
		return stats.computeIfAbsent(target, t -> new Stats());
	}

	private static synchronized void start(String testName) {
		if (test != null) {
			return;
		}
		test = testName;
		String directory = System.getProperty("fuzz.stats.dir");
		if (directory == null) {
			return;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> write(Path.of(directory), testName)));
	}

	private static void write(Path directory, String testName) {
		StringBuilder out = new StringBuilder("target\texecutions\tamplified\tmax µs/char\n");
		new TreeMap<>(stats).forEach((target, s) -> out.append(testName).append('.').append(target).append('\t')
			.append(s.executions.sum()).append('\t').append(s.amplified.sum()).append('\t')
			.append(String.format(java.util.Locale.ROOT, "%.2f", s.maxNanosPerChar / 1000.0)).append('\n'));
		try {
			Files.writeString(Files.createDirectories(directory).resolve(testName + ".tsv"), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The bytes after the first (which chose the target) as UTF-8 text; malformed ones become U+FFFD. */
	public static String text(byte[] data) {
		return data.length == 0 ? "" : new String(data, 1, data.length - 1, StandardCharsets.UTF_8);
	}

	/** The bytes after the first. */
	public static byte[] bytes(byte[] data) {
		return data.length == 0 ? data : Arrays.copyOfRange(data, 1, data.length);
	}

	/**
	 * The text cut at {@link #SEPARATOR} into exactly {@code count} fields; the last takes the rest,
	 * missing ones are null (so absent fields are fuzzed too).
	 */
	public static List<String> fields(String text, int count) {
		List<String> fields = new ArrayList<>(count);
		int start = 0;
		while (fields.size() < count - 1) {
			int end = text.indexOf(SEPARATOR, start);
			if (end < 0) {
				break;
			}
			fields.add(text.substring(start, end));
			start = end + 1;
		}
		fields.add(text.substring(start));
		while (fields.size() < count) {
			fields.add(null);
		}
		return fields;
	}

	/**
	 * Runs {@code work} on {@code input} within the CPU time bound, and on the input repeated to
	 * {@value #AMPLIFIED} characters when this input is one of those chosen for it.
	 */
	public static void inLinearTime(String target, String input, Consumer<String> work) {
		withinBound(target, input.length(), () -> work.accept(input));
		if (chosenForAmplification(input.hashCode(), input.length())) {
			String repeated = input.repeat(Math.ceilDiv(AMPLIFIED, input.length()));
			stats(target).amplified.increment();
			withinBound(target, repeated.length(), () -> work.accept(repeated));
		}
	}

	/** The same for bytes (a raw mail), repeated to {@value #AMPLIFIED} bytes. */
	public static void inLinearTime(String target, byte[] input, Consumer<byte[]> work) {
		withinBound(target, input.length, () -> work.accept(input));
		if (chosenForAmplification(Arrays.hashCode(input), input.length)) {
			int times = Math.ceilDiv(AMPLIFIED, input.length);
			byte[] repeated = new byte[times * input.length];
			for (int i = 0; i < times; i++) {
				System.arraycopy(input, 0, repeated, i * input.length, input.length);
			}
			stats(target).amplified.increment();
			withinBound(target, repeated.length, () -> work.accept(repeated));
		}
	}

	private static boolean chosenForAmplification(int hash, int length) {
		return length > 0 && Math.floorMod(hash, AMPLIFY_ONE_IN) == 0;
	}

	static long bound(long length) {
		return BASE_NANOS + NANOS_PER_CHAR * length;
	}

	private static void withinBound(String target, long length, Runnable work) {
		long spent = cpuTime(work);
		if (spent > bound(length)) {
			spent = Math.min(spent, cpuTime(work));
			if (spent > bound(length)) {
				throw new AssertionError("%s: %d characters took %d ms of CPU time, over the linear bound of %d ms"
					.formatted(target, length, spent / 1_000_000, bound(length) / 1_000_000));
			}
		}
		if (length >= 1024) {
			Stats s = stats(target);
			s.maxNanosPerChar = Math.max(s.maxNanosPerChar, spent / length);
		}
	}

	private static long cpuTime(Runnable work) {
		long before = THREADS.getCurrentThreadCpuTime();
		work.run();
		return THREADS.getCurrentThreadCpuTime() - before;
	}

}
