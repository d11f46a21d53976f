package com.triagedesk.dashboard;

import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.triagedesk.intake.RedirectLog;
import com.triagedesk.issues.IssueStatistics;
import com.triagedesk.mail.MailIntake;
import com.triagedesk.mail.MailOutbox;

/**
 * What came in and went out besides issues: redirected requests (with "turn into issue"), the
 * inbound mail log with every outcome and why, and the outbox.
 */
@Controller
@RequestMapping("/dashboard")
class ActivityController {

	private final RedirectLog redirects;

	private final MailIntake inbound;

	private final MailOutbox outbox;

	private final IssueStatistics statistics;

	private final JsonMapper json;

	ActivityController(RedirectLog redirects, MailIntake inbound, MailOutbox outbox, IssueStatistics statistics,
			JsonMapper json) {
		this.redirects = redirects;
		this.inbound = inbound;
		this.outbox = outbox;
		this.statistics = statistics;
		this.json = json;
	}

	/**
	 * Charts of the last days: volume, first responses against the target (uPlot, drawn by
	 * {@code /js/insights.js} from the JSON in the page), routes and completeness at intake.
	 */
	@GetMapping("/insights")
	String insights(@RequestParam(defaultValue = "30") int days, Model model) {
		IssueStatistics.Insights insights = statistics.lastDays(days);
		model.addAttribute("insights", insights);
		model.addAttribute("redirectCounts", redirects.countsByDestination(days));
		model.addAttribute("chartData", json.writeValueAsString(insights));
		long total = insights.completeAtIntake() + insights.incompleteAtIntake();
		model.addAttribute("completePercent", total == 0 ? 0 : Math.round(100.0 * insights.completeAtIntake() / total));
		return "dashboard/insights";
	}

	@GetMapping("/redirects")
	String redirects(Model model) {
		model.addAttribute("redirects", redirects.newest(null, 200));
		return "dashboard/redirects";
	}

	@PostMapping("/redirects/{id}/issue")
	String turnIntoIssue(@PathVariable UUID id, RedirectAttributes flash) {
		try {
			return DashboardController.issuePage(redirects.turnIntoIssue(id));
		}
		catch (ErrorResponseException refused) {
			flash.addFlashAttribute("error", refused.getBody().getDetail());
			return "redirect:/dashboard/redirects";
		}
	}

	@GetMapping("/mail")
	String mail(@RequestParam(required = false) String outcome, Model model) {
		model.addAttribute("inbound", inbound.log(outcome == null || outcome.isBlank() ? null : outcome, null, 200));
		model.addAttribute("outbox", outbox.list(null, null, 200));
		return "dashboard/mail";
	}

}
