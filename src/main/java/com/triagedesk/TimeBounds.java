package com.triagedesk;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Times callers may ask about: PostgreSQL and {@code java.sql.Timestamp} cannot hold year
 * +999999999, so such a value is a 400 naming the parameter, not an overflow.
 */
public final class TimeBounds {

	static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	private TimeBounds() {
	}

	public static boolean sane(Instant instant) {
		return instant == null || (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST));
	}

	/**
	 * The instant, or a 400 problem when it lies outside 1970–9999.
	 */
	public static Instant check(Instant instant, String parameter) {
		if (!sane(instant)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					parameter + " must lie between 1970 and 9999.");
			problem.setType(ProblemTypes.INVALID_REQUEST);
			problem.setTitle("Invalid request");
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
		}
		return instant;
	}

}
