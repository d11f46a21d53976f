package com.triagedesk.dashboard;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff change their own password here; it is the only page open while a password someone else
 * chose (the first administrator's one-time password, one an administrator set) is in use.
 */
@Controller
class PasswordPage {

	static final String PATH = "/dashboard/password";

	private final StaffUsers staff;

	PasswordPage(StaffUsers staff) {
		this.staff = staff;
	}

	@GetMapping(PATH)
	String form(Principal me, Model model) {
		model.addAttribute("required", staff.mustChangePassword(me.getName()));
		return "dashboard/password";
	}

	/**
	 * Changes the password and ends this session (as every other of the user's): the next step is
	 * to log in with the new password.
	 */
	@PostMapping(PATH)
	String change(@RequestParam String current, @RequestParam String password, @RequestParam String repeat,
			Principal me, Model model, HttpServletRequest request) {
		try {
			if (!password.equals(repeat)) {
				throw new IllegalArgumentException("The two new passwords differ.");
			}
			staff.changeOwnPassword(me.getName(), current, password);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("required", staff.mustChangePassword(me.getName()));
			return "dashboard/password";
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		return "redirect:/login?changed";
	}

}
