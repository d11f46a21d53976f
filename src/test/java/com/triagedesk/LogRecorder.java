package com.triagedesk;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Records every log event of every logger, whatever the console pattern shows of it: the message
 * with its arguments, the raw arguments themselves, MDC and key-value pairs, and the whole
 * throwable with its causes. So a secret handed to a logger is found even where the pattern would
 * not print it.
 */
final class LogRecorder extends AppenderBase<ILoggingEvent> {

	private final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Level> levels = new ConcurrentLinkedQueue<>();

	/**
	 * Starts recording on the root logger.
	 */
	static LogRecorder attach() {
		LogRecorder recorder = new LogRecorder();
		Logger root = root();
		recorder.setContext(root.getLoggerContext());
		recorder.setName("planted-secrets-recorder");
		recorder.start();
		root.addAppender(recorder);
		return recorder;
	}

	void detach() {
		root().detachAppender(this);
		stop();
	}

	@Override
	protected void append(ILoggingEvent event) {
		StringBuilder all = new StringBuilder();
		all.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(' ').append(event.getThreadName())
			.append(": ").append(event.getFormattedMessage()).append('\n').append(event.getMessage());
		Object[] arguments = event.getArgumentArray();
		if (arguments != null) {
			for (Object argument : arguments) {
				all.append("\n  arg: ").append(argument instanceof Object[] array ? Arrays.deepToString(array)
						: String.valueOf(argument));
			}
		}
		Map<String, String> mdc = event.getMDCPropertyMap();
		if (mdc != null && !mdc.isEmpty()) {
			all.append("\n  mdc: ").append(mdc);
		}
		if (event.getKeyValuePairs() != null) {
			event.getKeyValuePairs().forEach(pair -> all.append("\n  kv: ").append(pair.key).append('=').append(pair.value));
		}
		if (event.getThrowableProxy() != null) {
			all.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
		}
		events.add(all.toString());
		levels.add(event.getLevel());
	}

	List<String> events() {
		return List.copyOf(events);
	}

	long count(Level level) {
		return levels.stream().filter(level::equals).count();
	}

	String text() {
		return String.join("\n", events);
	}

	private static Logger root() {
		return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
	}

}
