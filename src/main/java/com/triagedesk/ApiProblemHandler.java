package com.triagedesk;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of a REST controller into an RFC 9457 problem detail with a stable
 * {@code type}. Messages are written here, never copied from exceptions, so no stack trace, SQL or
 * request content (which may hold secrets) reaches the client.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map(error -> Map.of("field", error.getField(), "message", messageOf(error)))
			.toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The request has invalid fields: "
						+ String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList()) + ".");
		problem.setType(ProblemTypes.INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Constraints on query parameters, path variables and headers ({@code limit=0}, a NUL in
	 * {@code q}): a 400 that names each, like the field errors of a body.
	 */
	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new java.util.ArrayList<>();
		ex.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			result.getResolvableErrors()
				.forEach(error -> errors.add(Map.of("field", name == null ? "parameter" : name, "message",
						error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage())));
		});
		if (errors.isEmpty()) {
			return super.handleHandlerMethodValidationException(ex, headers, status, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid "
				+ "parameters: " + String.join(", ", errors.stream().map(e -> e.get("field")).distinct().toList()) + ".");
		problem.setType(ProblemTypes.INVALID_REQUEST);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * A query string Tomcat cannot decode ({@code q=%FF}): the client's mistake, not ours.
	 */
	@ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
	ResponseEntity<Object> undecodableQuery(org.apache.tomcat.util.http.InvalidParameterException ex,
			WebRequest request) {
		if (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
			// Tomcat's own limits on parameters and form bodies (maxPostSize, maxParameterCount).
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The parameters or the form are larger than this service accepts.");
			problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
			problem.setTitle("Content too large");
			return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The query string is not valid percent-encoded UTF-8.");
		problem.setType(ProblemTypes.INVALID_REQUEST);
		problem.setTitle("Invalid request");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	private static String messageOf(FieldError error) {
		String message = error.getDefaultMessage();
		return message == null ? "is invalid" : message;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (tooLarge(ex)) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The request body, or a value in it, is larger than this service accepts.");
			problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
			problem.setTitle("Content too large");
			return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, describe(ex));
		problem.setType(ProblemTypes.MALFORMED_BODY);
		problem.setTitle("Malformed request body");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	private static boolean tooLarge(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof RequestSizeLimit.TooLargeIOException || cause instanceof StreamConstraintsException) {
				return true;
			}
		}
		return false;
	}

	private static String describe(HttpMessageNotReadableException ex) {
		if (ex.getCause() instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()) {
			return "The request body must be a JSON object.";
		}
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			return "The field '" + fieldPath(unknown) + "' is not known here; check its name against the API documentation.";
		}
		if (ex.getCause() instanceof JacksonException json) {
			if (!json.getPath().isEmpty()) {
				return "The field '" + fieldPath(json) + "' has the wrong type or shape.";
			}
			var location = json.getLocation();
			if (location != null && location.getLineNr() > 0) {
				return "The request body is not valid JSON (line " + location.getLineNr() + ", column "
						+ location.getColumnNr() + ").";
			}
			return "The request body is not valid JSON.";
		}
		return "The request body is missing or not readable as JSON.";
	}

	/**
	 * A multipart body that cannot be read (no boundary, cut short).
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<Object> unreadableMultipart(MultipartException ex, WebRequest request) {
		if (tooLarge(ex) || overMultipartLimit(ex)) {
			// Over spring.servlet.multipart.* (a file, the parts together, their number) or, while a
			// chunked body was read, over triage.http.max-request-size.
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
					"The request body, a file or the number of parts in it is larger than this service accepts.");
			problem.setType(ProblemTypes.PAYLOAD_TOO_LARGE);
			problem.setTitle("Content too large");
			return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The multipart request body is malformed.");
		problem.setType(ProblemTypes.MALFORMED_BODY);
		problem.setTitle("Malformed request body");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * Parsed lazily, a multipart body over its limits arrives as a plain MultipartException: the
	 * limit is found among its causes.
	 */
	private static boolean overMultipartLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof org.apache.tomcat.util.http.fileupload.impl.SizeException
					|| cause instanceof org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException
					|| (cause instanceof org.apache.tomcat.util.http.InvalidParameterException invalid
							&& invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value())) {
				return true;
			}
		}
		return false;
	}

	private static String fieldPath(JacksonException json) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : json.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/**
	 * The database is out of reach: the client may retry, nothing was stored.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class })
	ResponseEntity<Object> databaseUnavailable(Exception ex, WebRequest request) {
		log.warn("Database unavailable while handling {}: {}", path(request), ex.getClass().getName());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, DatabaseOutages.RETRY_AFTER_SECONDS);
		return handleExceptionInternal(ex, DatabaseOutages.problem(), headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/**
	 * Two writers met on the same rows (a lost optimistic lock, a deadlock PostgreSQL broke):
	 * nothing of this request was stored, and trying again will work.
	 */
	@ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class,
			jakarta.persistence.OptimisticLockException.class, jakarta.persistence.PessimisticLockException.class,
			jakarta.persistence.LockTimeoutException.class, org.springframework.dao.DataIntegrityViolationException.class })
	ResponseEntity<Object> concurrentUpdate(Exception ex, WebRequest request) {
		log.info("Concurrent update while handling {}: {}", path(request), ex.getClass().getName());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Someone changed the same thing at the same moment; nothing of your request was stored. Reload and try again.");
		problem.setType(ProblemTypes.CONCURRENT_UPDATE);
		problem.setTitle("Changed by someone else");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONFLICT, request);
	}

	/**
	 * Anything unforeseen: logged with its trace here, answered without it.
	 */
	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		if (DatabaseOutages.isOutage(ex)) {
			return databaseUnavailable(ex, request);
		}
		log.error("Unexpected error while handling {}", path(request), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side; the error has been logged.");
		problem.setType(ProblemTypes.INTERNAL_ERROR);
		problem.setTitle("Internal error");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
				problem.setType(ProblemTypes.forStatus(statusCode));
			}
			if (problem.getInstance() == null && request instanceof ServletWebRequest servlet) {
				problem.setInstance(URI.create(servlet.getRequest().getRequestURI()));
			}
		}
		return response;
	}

	private static String path(WebRequest request) {
		return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "?";
	}

}
