package com.triagedesk.intake;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import com.triagedesk.checklist.Evaluation;
import com.triagedesk.checklist.ItemResult;

/**
 * A request sent with {@code Prefer: handling=strict} that the checklist finds incomplete: 422,
 * naming each missing item, and nothing stored.
 */
class IncompleteRequestException extends ErrorResponseException {

	static final URI TYPE = URI.create("urn:triage-desk:problem:incomplete-request");

	IncompleteRequestException(Evaluation evaluation) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(evaluation), null);
	}

	private static ProblemDetail problem(Evaluation evaluation) {
		List<ItemResult> blocking = evaluation.blocking();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"The request is incomplete: " + String.join(", ", blocking.stream().map(i -> i.key().name()).toList())
						+ ". Nothing was stored (Prefer: handling=strict).");
		problem.setType(TYPE);
		problem.setTitle("Incomplete support request");
		problem.setProperty("missing", blocking.stream()
			.map(i -> Map.of("number", i.number(), "key", i.key().name(), "state", i.state().name(), "message",
					i.message() == null ? "" : i.message()))
			.toList());
		return problem;
	}

}
