package com.triagedesk.dashboard;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Requests the dashboard cannot understand (a form without its file, a version that is not a
 * number, an unknown status): a plain 400, never a 500.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
class PageErrors {

	@ExceptionHandler({ MultipartException.class, MissingServletRequestPartException.class,
			MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<String> badRequest() {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.body("The request was not understood: a field is missing or has the wrong form. Go back and try again.");
	}

}
