package com.triagedesk;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means "the database is out of reach" wherever in a cause chain it
 * hides. When PostgreSQL stops in the middle of a transaction the error reaches us wrapped in
 * whatever layer noticed first (Hibernate's {@code GenericJDBCException} for "terminating
 * connection due to administrator command", a failed rollback on a closed connection), not as
 * Spring's {@code DataAccessResourceFailureException}; the client must still get a 503 it may retry.
 */
final class DatabaseOutages {

	/** Seconds a client should wait before retrying; a restarting PostgreSQL is usually back by then. */
	static final String RETRY_AFTER_SECONDS = "5";

	private DatabaseOutages() {
	}

	static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The service is temporarily unavailable; nothing was stored. Please retry shortly.");
		problem.setType(ProblemTypes.SERVICE_UNAVAILABLE);
		problem.setTitle("Service unavailable");
		return problem;
	}

	static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof org.hibernate.exception.JDBCConnectionException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null && isOutageState(sql.getSQLState())) {
				return true;
			}
			// The rollback after a lost connection fails too (Hikari had already closed it), and Spring
			// then throws that instead of the original error. Nothing was committed: PostgreSQL rolls
			// back the transaction of a connection it lost.
			if (cause instanceof org.hibernate.TransactionException && cause.getCause() instanceof SQLException
					&& String.valueOf(cause.getMessage()).startsWith("Unable to rollback")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Class 08 is "connection exception" (Hikari's closed connection is 08003); 57P01–57P03 are an
	 * administrator's or a crash's shutdown and "cannot connect now" while the server starts.
	 */
	private static boolean isOutageState(String state) {
		return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
	}

}
