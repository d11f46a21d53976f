package com.triagedesk.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import com.triagedesk.issues.Access;
import com.triagedesk.issues.FollowUpRefusedException;
import com.triagedesk.issues.IssueDetails;
import com.triagedesk.issues.IssueQueries;

/**
 * The public request page for developers who do not use curl: the request as a form, the
 * checklist updated as they type (htmx calls {@code /check}, the same evaluation as the API),
 * the routing answer before they send, and afterwards the issue's status page, reachable with the
 * follow-up token, where they add what is missing.
 */
@Controller
class RequestPage {

	private final Intake intake;

	private final IssueQueries issues;

	private final Validator validator;

	RequestPage(Intake intake, IssueQueries issues, Validator validator) {
		this.intake = intake;
		this.issues = issues;
		this.validator = validator;
	}

	@GetMapping("/")
	String form(Model model) {
		model.addAttribute("form", new RequestForm());
		model.addAttribute("result", null);
		return "public/request";
	}

	/**
	 * The checklist panel for what the form holds now (an htmx fragment); nothing is stored.
	 */
	@PostMapping("/check")
	String check(@ModelAttribute("form") RequestForm form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
		model.addAttribute("result", intake.check(form.toRequest(), files == null ? List.of() : files));
		return "public/request :: checklist";
	}

	@PostMapping("/requests")
	String submit(@ModelAttribute("form") RequestForm form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		SupportRequest request = form.toRequest();
		Map<String, String> errors = errors(validator.validate(request));
		List<MultipartFile> received = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			model.addAttribute("result", intake.check(request, List.of()));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "public/request";
		}
		IntakeResponse result;
		try {
			result = intake.submit(request, received, false);
		}
		catch (ErrorResponseException refused) {
			model.addAttribute("errors", Map.of("files", refused.getBody().getDetail()));
			model.addAttribute("result", intake.check(request, List.of()));
			response.setStatus(refused.getStatusCode().value());
			return "public/request";
		}
		if (result.redirected()) {
			model.addAttribute("result", result);
			return "public/redirected";
		}
		return "redirect:" + statusUrl(result.issueKey(), result.followUpToken());
	}

	@GetMapping("/requests/{key}")
	String status(@PathVariable String key, @RequestParam(required = false) String token, Model model,
			HttpServletResponse response) {
		IssueDetails issue = null;
		try {
			issue = token == null ? null : issues.findForReporter(key, token).orElse(null);
		}
		catch (FollowUpRefusedException wrongToken) {
			// The same page as for an unknown key: keys are sequential, and a wrong token must not
			// tell which exist.
		}
		if (issue == null) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("key", key);
			return "public/not-found";
		}
		model.addAttribute("issue", issue);
		model.addAttribute("token", token);
		model.addAttribute("form", new RequestForm());
		return "public/status";
	}

	@PostMapping("/requests/{key}")
	String addToIssue(@PathVariable String key, @RequestParam String token, @RequestParam(required = false) String text,
			@ModelAttribute("form") RequestForm form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, RedirectAttributes flash) {
		List<MultipartFile> received = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
		FollowUpRequest followUp = form.toFollowUp(text);
		Map<String, String> errors = errors(validator.validate(followUp));
		if (!followUp.hasContent() && received.isEmpty()) {
			errors.put("text", "Write what you want to add, fill in a field or attach a file.");
		}
		if (!errors.isEmpty()) {
			flash.addFlashAttribute("errors", errors);
			return "redirect:" + statusUrl(key, token);
		}
		try {
			FollowUpResponse added = intake.followUp(key, new Access.FollowUpToken(token), followUp, received);
			flash.addFlashAttribute("added", added.message());
			if (added.followUpToken() != null) {
				return "redirect:" + statusUrl(added.issueKey(), added.followUpToken());
			}
			return "redirect:" + statusUrl(added.issueKey(), token);
		}
		catch (ErrorResponseException refused) {
			flash.addFlashAttribute("errors", Map.of("text", refused.getBody().getDetail()));
			return "redirect:" + statusUrl(key, token);
		}
	}

	/**
	 * A form the page cannot read (a multipart body cut short, files over the limit, escapes that
	 * are not UTF-8, the token left out): the page's own error page with a 4xx, never a 500.
	 */
	@ExceptionHandler({ MultipartException.class, InvalidParameterException.class,
			MissingServletRequestParameterException.class })
	String unreadable(Exception ex, Model model, HttpServletResponse response) {
		int status = ex instanceof MaxUploadSizeExceededException ? HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
				: ex instanceof InvalidParameterException invalid && invalid.getErrorCode() >= 400
						&& invalid.getErrorCode() < 500 ? invalid.getErrorCode() : HttpServletResponse.SC_BAD_REQUEST;
		response.setStatus(status);
		model.addAttribute("tooLarge", status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
		return "public/error";
	}

	private static String statusUrl(String key, String token) {
		// Encoded: the key comes from the address and the token from the form.
		return UriComponentsBuilder.fromPath("/requests/{key}")
			.queryParam("token", "{token}")
			.encode()
			.buildAndExpand(key, token)
			.toUriString();
	}

	/**
	 * Violations by form field: {@code reporter.email} is the {@code email} field, the HTTP
	 * exchange's halves are {@code httpRequest} and {@code httpResponse}.
	 */
	private static Map<String, String> errors(Set<? extends ConstraintViolation<?>> violations) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (ConstraintViolation<?> violation : violations) {
			String path = violation.getPropertyPath().toString();
			String field = switch (path) {
				case "reporter.email" -> "email";
				case "reporter.name" -> "name";
				case "reporter.phone" -> "phone";
				case "httpExchange.request" -> "httpRequest";
				case "httpExchange.response" -> "httpResponse";
				default -> path.contains("[") ? path.substring(0, path.indexOf('[')) : path;
			};
			errors.putIfAbsent(field, violation.getMessage());
		}
		return errors;
	}

}
