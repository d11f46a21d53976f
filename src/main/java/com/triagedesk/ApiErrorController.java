package com.triagedesk;

import java.net.URI;

import com.google.re2j.Pattern;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach a controller (the servlet container's own, filters', unmapped
 * exceptions) arrive here; they are answered as problem details too, without exception text.
 */
@RestController
class ApiErrorController implements ErrorController {

	private static final Pattern ASCII_PRINTABLE = Pattern.compile("[^\\x21-\\x7e]");

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		// A filter that needed the database (API key, idempotency, rate limit, staff session) while it was gone.
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
				&& DatabaseOutages.isOutage(failure)) {
			ProblemDetail problem = DatabaseOutages.problem();
			if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
				problem.setInstance(URI.create(ASCII_PRINTABLE.matcher(path).replaceAll("")));
			}
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, DatabaseOutages.RETRY_AFTER_SECONDS)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}
		HttpStatus status = statusOf(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(ProblemTypes.forStatus(status));
		problem.setTitle(status.getReasonPhrase());
		problem.setDetail(status.is5xxServerError() ? "Something went wrong on our side; the error has been logged."
				: "The request could not be handled: " + status.getReasonPhrase() + ".");
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri instanceof String path) {
			problem.setInstance(URI.create(ASCII_PRINTABLE.matcher(path).replaceAll("")));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null) {
				return status;
			}
		}
		// Nothing failed: someone asked for the error path itself.
		return HttpStatus.NOT_FOUND;
	}

}
