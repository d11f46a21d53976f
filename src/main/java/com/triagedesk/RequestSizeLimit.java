package com.triagedesk;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code triage.http.max-request-size} with a 413 problem,
 * whether they announce their length or arrive chunked, before anything reads them whole.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

	@ConfigurationProperties("triage.http")
	record Limits(@DefaultValue("25MB") DataSize maxRequestSize) {
	}

	private final long max;

	RequestSizeLimit(Limits limits) {
		this.max = limits.maxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > max) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Connection", "close");
			response.getWriter()
				.write("{\"type\":\"" + ProblemTypes.PAYLOAD_TOO_LARGE + "\",\"title\":\"Content too large\","
						+ "\"status\":413,\"detail\":\"" + detail() + "\"}");
			return;
		}
		chain.doFilter(new Limited(request, max), response);
	}

	private String detail() {
		return "The request body is larger than the limit of " + max / (1024 * 1024) + " MB.";
	}

	/**
	 * The limit as an I/O error, so that it travels through the body readers and is recognised.
	 */
	static final class TooLargeIOException extends IOException {

		TooLargeIOException() {
			super("request body over the configured limit");
		}

	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long max;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long max) {
			super(request);
			this.max = max;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), max);
			}
			return stream;
		}

	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long max;

		private long read;

		CountingStream(ServletInputStream delegate, long max) {
			this.delegate = delegate;
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > max) {
				throw new TooLargeIOException();
			}
		}

		@Override
		public boolean isFinished() {
			return delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			delegate.setReadListener(listener);
		}

		@Override
		public int available() throws IOException {
			return delegate.available();
		}

		@Override
		public void close() throws IOException {
			delegate.close();
		}

	}

}
